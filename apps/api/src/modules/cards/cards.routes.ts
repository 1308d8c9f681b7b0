import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AssessmentRuleListSchema,
  AssessmentRuleSchema,
  CardPageSchema,
  CardSchema,
  CardSuggestionPageSchema,
  CreateCardBodySchema,
  IdParamsSchema,
  ListCardSuggestionsQuerySchema,
  ListCardsQuerySchema,
  NoFieldsBodySchema,
  PatchAssessmentRuleBodySchema,
  RankingsQuerySchema,
  RankingsSchema,
  RefreshSuggestionsResultSchema,
  RuleCodeParamsSchema,
  SuggestionDecisionBodySchema,
  SuggestionDecisionResultSchema,
} from '@rectify/schemas'
import { etagVersion, requireIfMatch, withEtag } from '../../lib/http.js'
import type { CardsService } from './cards.service.js'
import type { RankingsService } from './rankings.service.js'

const tags = ['cards']
const params = IdParamsSchema

/** Card suggestions and cards (红黄牌), the assessment rules (考核扣分) and the rankings. */
export const cardsRoutes: FastifyPluginAsyncTypebox<{
  cards: CardsService
  rankings: RankingsService
}> = async (app, { cards, rankings }) => {
  app.get(
    '/card-suggestions',
    {
      schema: {
        tags,
        querystring: ListCardSuggestionsQuerySchema,
        response: { 200: CardSuggestionPageSchema },
      },
    },
    (req) => cards.listSuggestions(req.ctx, req.query),
  )
  app.post(
    '/card-suggestions/refresh',
    {
      schema: {
        tags,
        body: NoFieldsBodySchema,
        response: { 200: RefreshSuggestionsResultSchema },
      },
    },
    (req) => cards.refresh(req.ctx),
  )
  app.post(
    '/card-suggestions/:id/decision',
    {
      schema: {
        tags,
        params,
        body: SuggestionDecisionBodySchema,
        response: { 200: SuggestionDecisionResultSchema },
      },
    },
    async (req, reply) => {
      const r = await cards.decide(req.ctx, req.params.id, requireIfMatch(req), req.body)
      etagVersion(reply, r.suggestion.version)
      return r
    },
  )
  app.get(
    '/cards',
    { schema: { tags, querystring: ListCardsQuerySchema, response: { 200: CardPageSchema } } },
    (req) => cards.listCards(req.ctx, req.query),
  )
  app.post(
    '/cards',
    { schema: { tags, body: CreateCardBodySchema, response: { 201: CardSchema } } },
    async (req, reply) => reply.code(201).send(await cards.create(req.ctx, req.body)),
  )
  app.get(
    '/assessment-rules',
    { schema: { tags, response: { 200: AssessmentRuleListSchema } } },
    () => rankings.rules(),
  )
  app.patch(
    '/assessment-rules/:code',
    {
      schema: {
        tags,
        params: RuleCodeParamsSchema,
        body: PatchAssessmentRuleBodySchema,
        response: { 200: AssessmentRuleSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await rankings.patchRule(req.ctx, req.params.code, requireIfMatch(req), req.body),
      ),
  )
  app.get(
    '/rankings',
    { schema: { tags, querystring: RankingsQuerySchema, response: { 200: RankingsSchema } } },
    (req) => rankings.rankings(req.ctx, req.query),
  )
}
