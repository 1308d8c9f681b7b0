/**
 * Generated from the server's OpenAPI document by `pnpm --filter @rectify/web gen:api`
 * (apps/api/scripts/web-api-types.ts). Do not edit: change the route schemas and regenerate.
 */

export interface paths {
    "/api/v1/acceptance-reviews/{id}/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an acceptance review's frozen snapshot
         * @description 查看验收审核时冻结的快照。
         */
        get: operations["getAcceptanceSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acceptances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List acceptance applications
         * @description 列出验收申请。
         */
        get: operations["listAcceptances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acceptances/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review an acceptance application
         * @description 逐级审核验收申请（需 If-Match）。
         */
        post: operations["reviewAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accountability cases
         * @description 列出问责记录。
         *
         *     Latest decision first. Office, leaders and auditors read every record; a unit only the records of its own subtree (404 otherwise, and absent from lists and counts).
         */
        get: operations["listAccountabilityCases"];
        put?: never;
        /**
         * Record an accountability case
         * @description 登记问责记录。
         */
        post: operations["createAccountabilityCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an accountability case
         * @description 查看一条问责记录。
         *
         *     Office, leaders and auditors read every record; a unit only the records of its own subtree (404 otherwise, and absent from lists and counts).
         */
        get: operations["getAccountabilityCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an accountability case
         * @description 修改问责记录（需 If-Match）。
         */
        patch: operations["updateAccountabilityCase"];
        trace?: never;
    };
    "/api/v1/accountability/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count accountability cases
         * @description 问责统计。
         *
         *     Records decided from..to, by form and by subject kind. Office, leaders and auditors read every record; a unit only the records of its own subtree (404 otherwise, and absent from lists and counts).
         */
        get: operations["getAccountabilityCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List assessment rules
         * @description 列出考核扣分规则。
         */
        get: operations["listAssessmentRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment-rules/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an assessment rule
         * @description 修改考核扣分规则（需 If-Match）。
         */
        patch: operations["updateAssessmentRule"];
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit log entries
         * @description 查询审计日志。
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with username and password
         * @description 用户名密码登录，返回访问令牌和刷新令牌。
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description 注销刷新令牌所属的会话。
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token
         * @description 轮换刷新令牌，换取新的访问令牌。
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the holiday calendar
         * @description 查看节假日与调休日历。
         */
        get: operations["listCalendarDays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a calendar day
         * @description 设置某天为节假日或工作日。
         */
        put: operations["setCalendarDay"];
        post?: never;
        /**
         * Remove a calendar day
         * @description 删除日历中的某天设置。
         */
        delete: operations["deleteCalendarDay"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List card suggestions
         * @description 列出红黄牌建议。
         */
        get: operations["listCardSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-suggestions/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm or dismiss a card suggestion
         * @description 确认或驳回红黄牌建议（需 If-Match）。
         */
        post: operations["decideCardSuggestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-suggestions/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh card suggestions
         * @description 重新计算红黄牌建议。
         */
        post: operations["refreshCardSuggestions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List issued cards
         * @description 列出已发的红黄牌。
         */
        get: operations["listCards"];
        put?: never;
        /**
         * Issue a card
         * @description 直接发出红黄牌。
         */
        post: operations["issueCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List entity changes in commit order (the change feed)
         * @description 变更流：按提交顺序列出调用方可见的问题、措施、进展报告、信访件和督办单的新增、修改与删除。
         *
         *     Entity changes in commit order, scoped to what the caller may read; see docs/changes.md.
         */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients
         * @description 列出 API 客户端。
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Create an API client
         * @description 新建 API 客户端，密钥只显示这一次。
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API client
         * @description 查看一个 API 客户端。
         */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an API client
         * @description 修改 API 客户端（需 If-Match）。
         */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/api/v1/clients/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API client's secret
         * @description 轮换 API 客户端密钥，旧密钥立即失效。
         */
        post: operations["rotateClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the dashboard breakdown
         * @description 统计分析：分组统计。
         */
        get: operations["getDashboardBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the dashboard lists
         * @description 统计分析：重点清单。
         */
        get: operations["getDashboardLists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the dashboard overview
         * @description 统计分析：总体情况。
         */
        get: operations["getDashboardOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the petition figures
         * @description 统计分析：信访件。
         */
        get: operations["getDashboardPetitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the supervision figures
         * @description 统计分析：督办与红黄牌。
         */
        get: operations["getDashboardSupervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the weekly trend
         * @description 统计分析：按周趋势。
         */
        get: operations["getDashboardTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List dispatch periods
         * @description 列出调度期。
         */
        get: operations["listDispatchPeriods"];
        put?: never;
        /**
         * Open a dispatch period
         * @description 开启调度期。
         */
        post: operations["openDispatchPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a dispatch period and its board
         * @description 查看调度期及报送情况。
         */
        get: operations["getDispatchPeriod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/bulletin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a dispatch period's bulletin
         * @description 查看调度通报。
         *
         *     The bulletin's editable requirements and its summary sentence as it will read; the version in its ETag is the period's.
         */
        get: operations["getBulletin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Save a bulletin's requirements
         * @description 保存调度通报的工作要求（需 If-Match）。
         *
         *     Saves the requirements (If-Match: the period's version; bumps it).
         */
        patch: operations["updateBulletin"];
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/bulletin/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the bulletin as .docx
         * @description 下载调度通报（.docx）。
         *
         *     The bulletin as a Word document (.docx) in official layout.
         */
        get: operations["downloadBulletinDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a dispatch period
         * @description 关闭调度期并冻结汇总（需 If-Match）。
         */
        post: operations["closeDispatchPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/progress-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import units' progress tables (.xlsx) into a dispatch period
         * @description 从单位的整改进展情况表（.xlsx）导入本调度期的进展报告，由整改办代为报送（先预览后提交）。
         *
         *     Imports a progress table (.xlsx or .xls the caller uploaded with POST /files) into an open dispatch period: each row becomes a progress report of its unit (the 责任单位 cell, the file's `unitId`, or the row's choice) on the problem it names, submitted by the office on the unit's behalf (`submittedOnBehalf`) and reviewed like any report. Rows match the round's problems by code, else by title similarity — a title match must be confirmed in `rows`. `dryRun` (default) writes nothing; `dryRun: false` writes every report in one transaction, or — when any row has an error — nothing, answering 422 problem+json with the report in `report`. 已完成 tells the problem's lead unit acceptance is due; no problem changes status. The office only.
         */
        post: operations["importProgressReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/progress-import/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download the uploaded progress table with its errors marked
         * @description 下载错误标注文件：在上传的整改进展情况表中用浅红色标出错误、黄色标出提示，并加批注说明问题（不写入任何数据；.xls 返回为 .xlsx）。
         *
         *     The progress table the caller uploaded, with the dry run's errors (light red) and warnings (yellow) marked in their cells: a fill and a note (批注) in Chinese on each, a whole row where the problem is the row's, and a last sheet 错误清单 listing them — so the clerk fixes the file they know and imports it again. Takes the import's body (`dryRun` is ignored: nothing is written) and answers as the import does (403, 404, 409 closed period, 422 not a workbook). An .xls comes back as .xlsx (原文件名-错误标注.xlsx). The office only.
         */
        post: operations["downloadProgressImportErrors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-periods/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remind units that have not reported
         * @description 提醒未报送的单位。
         */
        post: operations["remindDispatchPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export accountability counts as .xlsx
         * @description 导出问责统计（.xlsx）。
         *
         *     Accountability records by unit × form, filtered like the counts. Audited.
         */
        get: operations["exportAccountability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export measures as .xlsx
         * @description 导出整改措施（.xlsx）。
         *
         *     整改措施台账: the measures of the problems the caller sees. Audited.
         */
        get: operations["exportMeasures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the petition disclosure table as .xlsx
         * @description 导出信访件公开表（.xlsx）。
         *
         *     The petition disclosure table in the columns cities publish, with 序号, 调查核实情况 and the dates; cases not yet assigned are left out, and a case in a published batch reads as the office last published it (a re-import or an edit shows only after the next publish). Never a complainant. Audited.
         */
        get: operations["exportPetitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the ledger as .xlsx
         * @description 导出问题台账（.xlsx）。
         *
         *     The ledger (台账) as a streamed .xlsx with every filter of GET /problems and the same scope: the task table's columns first (it imports back), then status, light (cell colour), planned and reported progress, overdue and closed date. Audited (the filters, not the rows).
         */
        get: operations["exportProblems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a period's progress reports as .xlsx
         * @description 导出调度期的进展报告（.xlsx）。
         *
         *     The progress reports of one dispatch period, scoped like GET /reports. Audited.
         */
        get: operations["exportReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extensions/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an extension request
         * @description 审批延期申请（需 If-Match）。
         */
        post: operations["decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extensions/{id}/effect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview what granting an extension request would move
         * @description 预览同意延期申请后将顺延的问题、措施和节点时限。
         */
        get: operations["getExtensionEffect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an evidence file
         * @description 上传佐证材料文件。
         *
         *     multipart/form-data with one file part named `file`. The type is sniffed from the content; the name is only kept for display.
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file
         * @description 下载文件（按所属记录授权）。
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description 存活检查：进程在运行即返回 200。
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's messages
         * @description 消息中心：列出当前用户的消息。
         */
        get: operations["listInboxMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a message read
         * @description 消息中心：标记一条消息已读。
         */
        post: operations["markMessageRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all messages read
         * @description 消息中心：全部标记已读。
         */
        post: operations["markAllMessagesRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count unread messages
         * @description 消息中心：未读消息数。
         */
        get: operations["getUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inspections
         * @description 列出督查检查。
         *
         *     Newest first. A unit sees an inspection that targets its subtree only when it is routine or done: an unannounced inspection stays hidden (404, absent from lists and totals) until it has happened.
         */
        get: operations["listInspections"];
        put?: never;
        /**
         * Plan an inspection
         * @description 新建督查检查。
         */
        post: operations["createInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an inspection
         * @description 查看一次督查检查。
         *
         *     A unit sees an inspection that targets its subtree only when it is routine or done: an unannounced inspection stays hidden (404, absent from lists and totals) until it has happened.
         */
        get: operations["getInspection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an inspection
         * @description 修改督查检查（需 If-Match）。
         *
         *     While planned.
         */
        patch: operations["updateInspection"];
        trace?: never;
    };
    "/api/v1/inspections/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an inspection
         * @description 取消督查检查（需 If-Match）。
         */
        post: operations["cancelInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete an inspection
         * @description 完成督查检查（需 If-Match）。
         */
        post: operations["completeInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an inspection finding
         * @description 登记检查发现的问题。
         *
         *     On a done inspection: link an existing problem (`problemId`) or open one (`problem`, source inspection).
         */
        post: operations["recordInspectionFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List institutions
         * @description 列出建章立制成果。
         *
         *     Newest issued first; `problem` lists those linked to a problem (the problem page). Office, leaders, auditors and the admin read every institution; a unit those issued by its subtree, those marked public and those linked to a problem it can see (404 otherwise, and absent from lists and totals).
         */
        get: operations["listInstitutions"];
        put?: never;
        /**
         * Record an institution
         * @description 登记建章立制成果。
         *
         *     Issued date not after today; `fileIds` are your unattached uploads. The office records any; a lead unit only for an issuing unit of its own subtree and about problems it can see (403 otherwise; an unseen problem is 422 like an unknown one).
         */
        post: operations["createInstitution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/institutions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an institution
         * @description 查看一项建章立制成果。
         *
         *     Office, leaders, auditors and the admin read every institution; a unit those issued by its subtree, those marked public and those linked to a problem it can see (404 otherwise, and absent from lists and totals).
         */
        get: operations["getInstitution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an institution
         * @description 修改建章立制成果（需 If-Match）。
         *
         *     If-Match required (412 stale). `problemIds` replaces the links, `fileIds` adds files. The office records any; a lead unit only for an issuing unit of its own subtree and about problems it can see (403 otherwise; an unseen problem is 422 like an unknown one).
         */
        patch: operations["updateInstitution"];
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the caller's account
         * @description 查看当前登录用户的账号与会话信息。
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password
         * @description 修改当前用户的密码，并结束其他会话。
         */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the caller's work list
         * @description 我的待办：当前用户需要处理的事项。
         */
        get: operations["getMyWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a measure
         * @description 删除整改措施（需 If-Match）。
         */
        delete: operations["deleteMeasure"];
        options?: never;
        head?: never;
        /**
         * Update a measure
         * @description 修改整改措施（需 If-Match）。
         */
        patch: operations["updateMeasure"];
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List supervision notices
         * @description 列出督办单。
         */
        get: operations["listNotices"];
        put?: never;
        /**
         * Issue a supervision notice
         * @description 签发督办单。
         */
        post: operations["issueNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a supervision notice
         * @description 查看一份督办单。
         */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a supervision notice
         * @description 办结督办单（需 If-Match）。
         */
        post: operations["closeNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a notice as .docx
         * @description 下载督办单公文（.docx）。
         *
         *     The notice as a Word document (.docx) in the layout of an official letter. Read like the notice.
         */
        get: operations["downloadNoticeDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate a supervision notice
         * @description 升级督办（需 If-Match）。
         */
        post: operations["escalateNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply to a supervision notice
         * @description 被督办单位回复督办单（需 If-Match）。
         */
        post: operations["replyToNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a client-credentials access token
         * @description API 客户端以 client_credentials 方式获取访问令牌（HTTP Basic 或表单字段认证）。
         */
        post: operations["createClientToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petition-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List petition batches
         * @description 列出信访件批次。
         *
         *     Latest handover first. Counts follow the caller: a unit sees a batch only when it holds one of its cases, and counts only those.
         */
        get: operations["listPetitionBatches"];
        put?: never;
        /**
         * Create a petition batch
         * @description 新建信访件批次。
         */
        post: operations["createPetitionBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petition-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a petition batch
         * @description 查看一个信访件批次。
         *
         *     Counts follow the caller: a unit sees a batch only when it holds one of its cases, and counts only those.
         */
        get: operations["getPetitionBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a petition batch
         * @description 修改信访件批次（需 If-Match）。
         */
        patch: operations["updatePetitionBatch"];
        trace?: never;
    };
    "/api/v1/petition-batches/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import petition cases from .xlsx
         * @description 从 .xlsx 导入信访件（先预览后提交）。
         *
         *     Imports an .xlsx the caller uploaded (POST /files) into the batch. `dryRun` (default) checks every row and writes nothing; `dryRun: false` writes all rows in one transaction, or — when any cell has an error — nothing, answering 422 problem+json with the report in `report`. The office only.
         */
        post: operations["importPetitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petition-batches/{id}/import/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download the uploaded petition table with its errors marked
         * @description 下载错误标注文件：在上传的信访件表中用浅红色标出有错误的单元格并加批注说明问题（不写入任何数据；.xls 返回为 .xlsx）。
         *
         *     The batch's .xlsx the caller uploaded, with the dry run's errors marked in their cells: a light red fill and a note (批注) in Chinese on each, a whole row where the problem is the row's (a repeated receipt number), and a last sheet 错误清单 listing them — so the clerk fixes the file they know. Takes the import's body (`dryRun` is ignored: nothing is written). An .xls comes back as .xlsx. The office only.
         */
        post: operations["downloadPetitionImportErrors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petition-batches/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish or republish a batch's disclosure table
         * @description 发布批次的信访件公开表；已发布的批次再次发布时，公开表改为各信访件当前的办理情况（需 If-Match）。
         *
         *     Publishes the disclosure table of the batch’s reviewed cases as they read now (If-Match). The public board shows this snapshot; publishing a published batch again replaces it (`unpublishedChanges` counts the rows that would change).
         */
        post: operations["publishPetitionBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List petition cases
         * @description 列出交办信访件。
         *
         *     In the order they were recorded. The office, leaders and auditors read every case; a unit only the cases its subtree handles (404 otherwise, and absent from lists and counts). The complainant is never in a case.
         */
        get: operations["listPetitions"];
        put?: never;
        /**
         * Create a petition case
         * @description 登记交办信访件。
         */
        post: operations["createPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a petition case
         * @description 查看一件信访件。
         *
         *     The office, leaders and auditors read every case; a unit only the cases its subtree handles (404 otherwise, and absent from lists and counts). The complainant is never in a case.
         */
        get: operations["getPetition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a petition case
         * @description 修改信访件（需 If-Match）。
         */
        patch: operations["updatePetition"];
        trace?: never;
    };
    "/api/v1/petitions/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a petition call-back
         * @description 登记回访（需 If-Match）。
         *
         *     The call-back (回访) once reviewed (If-Match).
         */
        post: operations["recordPetitionCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/complainant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a petition's complainant
         * @description 查看信访人信息（仅整改办与承办单位）。
         *
         *     The office and the handling unit only (clients need petitions:pii): 404 for a case you cannot see, 403 for one you see but may not read the complainant of. Every read is audited.
         */
        get: operations["getPetitionComplainant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/problem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link or open a problem for a petition
         * @description 关联或新建整改问题（需 If-Match）。
         *
         *     Links an existing problem or opens one (source petition, code 信访件 <receipt number>) (If-Match).
         */
        post: operations["linkPetitionProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/repeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a petition as a repeat
         * @description 标记或取消重复件（需 If-Match）。
         *
         *     Marks the case a repeat of an earlier one, or clears it (If-Match). A repeat about a closed problem reopens it as a rebound.
         */
        post: operations["markPetitionRepeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/repeat-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List possible repeats of a petition
         * @description 列出可能重复的信访件。
         */
        get: operations["listPetitionRepeatCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report on a petition case
         * @description 承办单位报告办理情况（需 If-Match）。
         *
         *     The handling unit reports (If-Match): handling or partly closed → submitted. 404 outside your subtree.
         */
        post: operations["reportPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review a petition case
         * @description 整改办审核信访件办理（需 If-Match）。
         *
         *     The office (If-Match): submitted → closed | partly_closed | handling (return, reason required).
         */
        post: operations["reviewPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign petition cases to units
         * @description 批量交办信访件。
         *
         *     Received or handling cases → handling by the unit; the deadline defaults to today + the batch’s handling days.
         */
        post: operations["assignPetitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the petition import template
         * @description 下载信访件导入模板。
         *
         *     The .xlsx template in the layout the inspection team hands over: title row, standard header row, an example row, and a sheet explaining the columns.
         */
        get: operations["downloadPetitionImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List problems
         * @description 列出整改问题（筛选、检索、排序、游标分页）。
         */
        get: operations["listProblems"];
        put?: never;
        /**
         * Create a problem
         * @description 新建整改问题。
         */
        post: operations["createProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a problem
         * @description 查看一个整改问题。
         */
        get: operations["getProblem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a problem
         * @description 修改整改问题（需 If-Match）。
         */
        patch: operations["updateProblem"];
        trace?: never;
    };
    "/api/v1/problems/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a problem's acceptance state
         * @description 查看问题的验收销号情况。
         */
        get: operations["getProblemAcceptance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/acceptances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply for acceptance
         * @description 提交验收销号申请（需 If-Match）。
         */
        post: operations["applyForAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/closeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close out a problem
         * @description 公示期满后销号（需 If-Match）。
         */
        post: operations["closeOutProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a problem's dossier (zip)
         * @description 下载一案一档压缩包。
         *
         *     The dossier (一案一档) as a zip, streamed: index.html (printable summary), evidence/…, audit.jsonl and manifest.json (size and SHA-256 of every entry). Read like the problem; each download is audited.
         */
        get: operations["downloadProblemDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a problem's extension requests
         * @description 列出问题的延期申请。
         */
        get: operations["listProblemExtensions"];
        put?: never;
        /**
         * Request an extension of a problem's deadline
         * @description 申请延长问题的整改时限。
         */
        post: operations["requestProblemExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a problem's inspection findings
         * @description 列出问题的督查检查发现。
         *
         *     The inspection findings that opened or link the problem; read like the problem.
         */
        get: operations["listProblemFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a problem's measures
         * @description 列出问题的整改措施。
         */
        get: operations["listProblemMeasures"];
        put?: never;
        /**
         * Add a measure to a problem
         * @description 为问题新增整改措施。
         */
        post: operations["createMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the publicity of a problem
         * @description 启动销号公示（需 If-Match）。
         */
        post: operations["startPublicity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a problem's progress reports
         * @description 列出问题的进展报告。
         */
        get: operations["listProblemReports"];
        put?: never;
        /**
         * Submit a progress report
         * @description 报送问题的整改进展。
         */
        post: operations["submitProgressReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Launch a sweep from a common problem
         * @description 由共性问题发起举一反三排查。
         *
         *     The office launches a sweep from a common problem (422 otherwise): target units, due date (not before today), instructions. Each target unit is messaged.
         */
        post: operations["launchSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a problem's timeline
         * @description 查看问题的时间线。
         */
        get: operations["getProblemTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a problem through its lifecycle
         * @description 按流程推进问题状态（需 If-Match）。
         */
        post: operations["transitionProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the problem import template
         * @description 下载问题清单导入模板。
         *
         *     The task-table template (.xlsx): title row, the standard columns, three example rows, and a sheet explaining each column and the names also understood.
         */
        get: operations["downloadProblemImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the problem summary figures
         * @description 问题汇总数字（按状态、灯色等）。
         */
        get: operations["getProblemSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List public reports
         * @description 整改办：列出公众举报。
         *
         *     Newest first. Name and contact are given to the office only.
         */
        get: operations["listPublicReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a public report
         * @description 整改办：查看一条公众举报。
         */
        get: operations["getPublicReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-reports/{id}/ruling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rule on a public objection
         * @description 整改办：裁定公示异议（需 If-Match）。
         *
         *     Rules a pending objection: upheld overturns the close-out notice and returns the problem to in_progress.
         */
        post: operations["rulePublicObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-reports/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Triage a public report
         * @description 整改办：分办公众举报（需 If-Match）。
         *
         *     reply, link to a problem, open a new problem (source public_report) or mark as an objection to an open close-out notice.
         */
        post: operations["triagePublicReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-reports/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a public report from a hotline (12345)
         * @description 热线系统（12345）代为提交群众举报，带本系统工单号（同一工单号重复提交返回首次结果）。
         *
         *     A public report from a hotline system, carrying its own ticket number (`externalId`, unique per client). 201 with the receipt; a retry with the same ticket answers 200 with the same receipt and adds nothing. `public_report.answered` / `public_report.linked` webhook events follow when the office answers or links it.
         */
        post: operations["submitHotlineReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a proof-of-work challenge
         * @description 公众举报：获取工作量证明挑战（无需登录）。
         *
         *     A proof-of-work challenge: find a decimal `nonce` such that SHA-256(salt + nonce) starts with `difficulty` zero bits. Good for one report within 10 minutes.
         */
        get: operations["getPublicChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo for a public report
         * @description 公众举报：上传照片（无需登录）。
         *
         *     multipart/form-data with one image part named `file` (JPEG, PNG or WebP). Keep the returned `token`: it attaches the photo to a report.
         */
        post: operations["uploadPublicPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List public institutions
         * @description 整改公开：建章立制成果（无需登录）。
         *
         *     Institutions (建章立制) marked public, newest issued first; linked problems only when they are public too. Cached: may lag by up to PUBLIC_CACHE_SECONDS.
         */
        get: operations["listPublicInstitutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List close-out notices in publicity
         * @description 整改公开：公示中的销号公告（无需登录）。
         *
         *     Standing close-out notices: those in or about to enter their publicity period (objections taken while `open`), then those whose period is over (公示已结束) and await close-out.
         */
        get: operations["listPublicNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/petition-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List published petition disclosure tables
         * @description 整改公开：信访件公开表列表（无需登录）。
         *
         *     Published petition batches, latest published first.
         */
        get: operations["listPublicPetitionBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/petition-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a published petition disclosure table
         * @description 整改公开：查看一张信访件公开表（无需登录）。
         *
         *     A published batch’s disclosure table: its reviewed cases (closed or partly closed), never the complainant.
         */
        get: operations["getPublicPetitionBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List published problems
         * @description 整改公开：列出已公开的问题（无需登录）。
         *
         *     Published problems, most recently changed first. Cached: the board may lag the ledger by up to PUBLIC_CACHE_SECONDS (default 30 s).
         */
        get: operations["listPublicProblems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/problems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a published problem
         * @description 整改公开：查看一个已公开的问题（无需登录）。
         */
        get: operations["getPublicProblem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List regions for the public board
         * @description 整改公开：地区列表（无需登录）。
         */
        get: operations["listPublicRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a public report
         * @description 公众举报：提交举报或异议，返回查询码（无需登录）。
         *
         *     A report, or with `objection` an objection to the problem’s close-out notice: taken only within its publicity period (start and end days included, Asia/Shanghai) — 409 `publicity_not_open` before it, `publicity_closed` after it, the detail naming the dates.
         */
        post: operations["submitPublicReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/reports/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Track a public report by its code
         * @description 公众举报：凭查询码查看处理进度（无需登录）。
         *
         *     A report's status and the office's public reply, by tracking code.
         */
        get: operations["trackPublicReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List problems in publicity
         * @description 列出公示中的问题。
         */
        get: operations["listPublicity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the unit rankings
         * @description 牵头单位排名。
         */
        get: operations["getRankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness check with the migration count
         * @description 就绪检查：数据库可用且迁移已全部执行。
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rebound-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rebound reviews
         * @description 列出回头看任务。
         */
        get: operations["listReboundReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rebound-reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a rebound review
         * @description 登记回头看结果（需 If-Match）。
         */
        post: operations["recordReboundReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List progress reports
         * @description 列出进展报告（审核队列）。
         */
        get: operations["listReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a progress report
         * @description 查看一份进展报告。
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review a progress report
         * @description 审核进展报告（需 If-Match）。
         */
        post: operations["reviewReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the progress table template
         * @description 下载整改进展情况表导入模板。
         *
         *     The progress-table template (.xlsx): title and 填报单位 lines, the usual columns, two example rows, the 填表人/联系电话 lines, and a sheet explaining each column with the names also understood.
         */
        get: operations["downloadProgressImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inspection rounds
         * @description 列出督察轮次。
         */
        get: operations["listRounds"];
        put?: never;
        /**
         * Create an inspection round
         * @description 新建督察轮次。
         */
        post: operations["createRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an inspection round
         * @description 查看一个督察轮次。
         */
        get: operations["getRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an inspection round
         * @description 修改督察轮次（需 If-Match）。
         */
        patch: operations["updateRound"];
        trace?: never;
    };
    "/api/v1/rounds/{id}/problem-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a round's problem list from .xlsx
         * @description 从任务表（.xlsx）导入问题清单（先预览后提交）。
         *
         *     Imports a task table (.xlsx the caller uploaded with POST /files) into the round. `dryRun` (default) reads every task and writes nothing, showing what each deadline, unit and measure cell was understood as; `dryRun: false` writes every task in one transaction, or — when any cell has an error, or a warning (a deadline already past or before the round's feedback date) is not acknowledged in `acknowledge` — nothing, answering 422 problem+json with the report in `report`. Collective phrases (各级党委、政府, 市直有关单位) are expanded or recorded with a coordinating unit as `collectives` says; unknown unit names may be created under an existing unit (`createUnits`) in the same transaction, audited as `unit.created`. The report marks what was inferred (domain, region, assumed deadline). Tasks match the round's problems by code: changed ones are updated, the rest left `unchanged`. The office only.
         */
        post: operations["importProblems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/problem-import/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download the uploaded task table with its errors marked
         * @description 下载错误标注文件：在上传的任务表中用浅红色标出错误、黄色标出需确认的提示，并加批注说明问题（不写入任何数据；.xls 返回为 .xlsx）。
         *
         *     The task table the caller uploaded, with the dry run's errors (light red) and warnings (yellow) marked in their cells: a fill and a note (批注) in Chinese on each, a whole row where the problem is the row's, and a last sheet 错误清单 listing them — so the clerk fixes the file they know and imports it again. Takes the import's body (`dryRun` is ignored: nothing is written). An .xls comes back as .xlsx. The office only.
         */
        post: operations["downloadProblemImportErrors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the deadline schedule
         * @description 倒排工期：各措施与节点的时间表。
         */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sweeps
         * @description 列出举一反三排查。
         *
         *     Latest launched first. City-wide readers see every sweep; a unit the sweeps with a target in its subtree (404 otherwise), and in each only its subtree’s targets, counted so in the roll-up and the light.
         */
        get: operations["listSweeps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sweeps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a sweep
         * @description 查看一次举一反三排查。
         *
         *     City-wide readers see every sweep; a unit the sweeps with a target in its subtree (404 otherwise), and in each only its subtree’s targets, counted so in the roll-up and the light.
         */
        get: operations["getSweep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sweeps/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a sweep
         * @description 关闭举一反三排查（需 If-Match）。
         *
         *     The office closes a sweep (If-Match) once every target has reported; 409 with the pending count otherwise.
         */
        post: operations["closeSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sweeps/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a sweep's findings
         * @description 排查单位报告发现或无发现。
         *
         *     A target unit reports once (409 after): findings, each opened as a draft child problem led by the unit, or none with a signed statement. A unit reports for targets in its subtree; the office for any.
         */
        post: operations["reportSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List units
         * @description 列出单位（按调用方可见范围）。
         */
        get: operations["listUnits"];
        put?: never;
        /**
         * Create a unit
         * @description 新建单位。
         */
        post: operations["createUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a unit
         * @description 查看一个单位。
         */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a unit
         * @description 修改单位（需 If-Match）。
         */
        patch: operations["updateUnit"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description 列出用户。
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description 新建用户。
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description 查看一个用户。
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a user
         * @description 修改用户（需 If-Match）。
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user's password
         * @description 管理员重置用户密码。
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook subscriptions
         * @description 列出 webhook 订阅。
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook subscription
         * @description 新建 webhook 订阅。
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook subscription
         * @description 查看一个 webhook 订阅。
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description 删除 webhook 订阅（需 If-Match）；投递记录保留。
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook subscription
         * @description 修改 webhook 订阅（需 If-Match）。
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's deliveries
         * @description 查看 webhook 的投递记录。
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused webhook
         * @description 恢复已暂停的 webhook（需 If-Match）。
         */
        post: operations["resumeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook's signing secret
         * @description 轮换 webhook 签名密钥。
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test delivery
         * @description 发送一次测试投递。
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "accountability.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The accountability.recorded event
         * @description Webhook 事件 accountability.recorded：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onAccountabilityRecorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "card.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The card.issued event
         * @description Webhook 事件 card.issued：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onCardIssued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispatch.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The dispatch.closed event
         * @description Webhook 事件 dispatch.closed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onDispatchClosed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inspection.finding_recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The inspection.finding_recorded event
         * @description Webhook 事件 inspection.finding_recorded：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onInspectionFindingRecorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "institution.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The institution.recorded event
         * @description Webhook 事件 institution.recorded：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onInstitutionRecorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notice.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The notice.closed event
         * @description Webhook 事件 notice.closed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onNoticeClosed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notice.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The notice.escalated event
         * @description Webhook 事件 notice.escalated：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onNoticeEscalated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notice.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The notice.issued event
         * @description Webhook 事件 notice.issued：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onNoticeIssued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notice.replied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The notice.replied event
         * @description Webhook 事件 notice.replied：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onNoticeReplied"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "petition.assigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The petition.assigned event
         * @description Webhook 事件 petition.assigned：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onPetitionAssigned"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "petition.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The petition.closed event
         * @description Webhook 事件 petition.closed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onPetitionClosed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "petition.reported": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The petition.reported event
         * @description Webhook 事件 petition.reported：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onPetitionReported"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "problem.light_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The problem.light_changed event
         * @description Webhook 事件 problem.light_changed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onProblemLightChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "problem.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The problem.status_changed event
         * @description Webhook 事件 problem.status_changed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onProblemStatusChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "public_report.answered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The public_report.answered event
         * @description Webhook 事件 public_report.answered：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onPublicReportAnswered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "public_report.linked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The public_report.linked event
         * @description Webhook 事件 public_report.linked：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onPublicReportLinked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "reminder.due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The reminder.due event
         * @description Webhook 事件 reminder.due：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onReminderDue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "report.reviewed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The report.reviewed event
         * @description Webhook 事件 report.reviewed：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onReportReviewed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "report.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The report.submitted event
         * @description Webhook 事件 report.submitted：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onReportSubmitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sweep.launched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sweep.launched event
         * @description Webhook 事件 sweep.launched：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onSweepLaunched"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sweep.reported": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sweep.reported event
         * @description Webhook 事件 sweep.reported：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onSweepReported"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The webhook.test event
         * @description Webhook 事件 webhook.test：签名见 X-Rectify-Signature（docs/webhooks.md）。
         */
        post: operations["onWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Acceptance: {
            /** Format: date-time */
            appliedAt: string;
            appliedBy: components["schemas"]["ActorRef"];
            appliedUnit: components["schemas"]["UnitRef"] | null;
            criteria: string[];
            currentLevel: number | null;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            levels: components["schemas"]["AcceptanceLevel"][];
            /** Format: uuid */
            problemId: string;
            reviews: components["schemas"]["AcceptanceReview"][];
            selfCheck: string;
            seq: number;
            status: components["schemas"]["AcceptanceStatus"];
            version: number;
        };
        /** @enum {unknown} */
        AcceptanceLevel: "county" | "city";
        AcceptanceListItem: {
            acceptance: components["schemas"]["Acceptance"];
            problem: components["schemas"]["Problem"];
        };
        AcceptancePage: {
            items: components["schemas"]["AcceptanceListItem"][];
            nextCursor: string | null;
            total: number;
        };
        AcceptanceReview: {
            /** Format: date */
            checkDate: string;
            checklist: components["schemas"]["CriterionCheck"][];
            /** Format: date-time */
            createdAt: string;
            decision: components["schemas"]["ReviewDecision"];
            /** Format: uuid */
            id: string;
            level: number;
            levelKind: components["schemas"]["AcceptanceLevel"];
            opinion: string;
            reason: string | null;
            reviewer: components["schemas"]["ActorRef"];
            reviewerUnit: components["schemas"]["UnitRef"] | null;
            snapshotSha256: string | null;
        };
        AcceptanceSnapshot: {
            content: {
                files: components["schemas"]["File"][];
                measures: components["schemas"]["Measure"][];
                problem: components["schemas"]["Problem"];
                reports: components["schemas"]["ProgressReport"][];
            };
            /** Format: uuid */
            reviewId: string;
            sha256: string;
            /** Format: date-time */
            takenAt: string;
        };
        /** @enum {unknown} */
        AcceptanceStatus: "in_review" | "passed" | "returned";
        AccountabilityCounts: {
            byForm: {
                form: components["schemas"]["AccountabilityForm"];
                persons: number;
                total: number;
                units: number;
            }[];
            bySubject: {
                person: number;
                unit: number;
            };
            from: string | null;
            to: string | null;
            total: number;
        };
        /** @enum {unknown} */
        AccountabilityForm: "talk" | "criticism" | "admonition" | "organisational" | "party_discipline" | "administrative_sanction" | "judicial_transfer";
        AccountabilityPage: {
            items: components["schemas"]["AccountabilityRecord"][];
            nextCursor: string | null;
            total: number;
        };
        AccountabilityRecord: {
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["ActorRef"] | null;
            decidingBody: string;
            /** Format: date */
            decisionDate: string;
            docNumber: string;
            files: components["schemas"]["File"][];
            form: components["schemas"]["AccountabilityForm"];
            /** Format: uuid */
            id: string;
            personName: string | null;
            personPost: string | null;
            problems: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            }[];
            subjectKind: components["schemas"]["SubjectKind"];
            summary: string;
            unit: components["schemas"]["UnitRef"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @description The data of a accountability.recorded event */
        AccountabilityRecordedData: {
            /** Format: date */
            decisionDate: string;
            docNumber: string | null;
            form: string;
            problemIds: string[];
            /** Format: uuid */
            recordId: string;
            subjectKind: string;
            unitId: string | null;
        };
        ActorRef: {
            id: string | null;
            name: string;
        };
        /** @enum {unknown} */
        ActorType: "user" | "client" | "cli" | "anonymous";
        ApiClient: {
            active: boolean;
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            scopes: components["schemas"]["Scope"][];
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ApiClientPage: {
            items: components["schemas"]["ApiClient"][];
            nextCursor: string | null;
            total: number;
        };
        ApiClientWithSecret: {
            client: components["schemas"]["ApiClient"];
            clientSecret: string;
        };
        ApplyAcceptanceBody: {
            fileIds?: string[];
            selfCheck: string;
        };
        AssessmentRule: {
            code: string;
            description: string;
            points: number;
            version: number;
        };
        AssessmentRuleList: {
            items: components["schemas"]["AssessmentRule"][];
        };
        AssignPetitionsBody: {
            /** Format: date */
            deadline?: string;
            petitionIds: string[];
            /** Format: uuid */
            unitId: string;
        };
        AssignPetitionsResult: {
            assigned: number;
            /** Format: date */
            deadline: string;
        };
        AuditEntry: {
            action: string;
            actorDisplayName: string | null;
            actorId: string | null;
            actorName: string | null;
            actorType: components["schemas"]["ActorType"];
            actorUnitName: string | null;
            after: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            at: string;
            before: {
                [key: string]: unknown;
            } | null;
            entityId: string | null;
            entityType: string;
            hash: string;
            ip: string | null;
            prevHash: string;
            requestId: string | null;
            seq: string;
            unitId: string | null;
            userAgent: string | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
            total: number;
        };
        BoardProblem: {
            code: string;
            /** Format: date */
            deadline: string;
            /** Format: uuid */
            id: string;
            leadUnitName: string;
            light: string;
            title: string;
            units: components["schemas"]["BoardUnit"][];
        };
        BoardUnit: {
            reported: boolean;
            role: "lead" | "measure";
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        Bulletin: {
            /** Format: uuid */
            periodId: string;
            requirements: string;
            summarySentence: string;
            version: number;
        };
        Calendar: {
            items: components["schemas"]["CalendarDay"][];
        };
        CalendarDay: {
            /** Format: date */
            date: string;
            kind: components["schemas"]["CalendarDayKind"];
            name: string;
        };
        /** @enum {unknown} */
        CalendarDayKind: "holiday" | "workday";
        Card: {
            /** @enum {unknown} */
            color: "yellow" | "red";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            issuedByName: string;
            /** Format: date */
            issuedOn: string;
            problems: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            }[];
            reason: string;
            suggestionId: string | null;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        /** @description The data of a card.issued event */
        CardIssuedData: {
            color: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            issuedOn: string;
            problemIds: string[];
            reason: string;
            /** Format: uuid */
            unitId: string;
        };
        CardPage: {
            items: components["schemas"]["Card"][];
            nextCursor: string | null;
            total: number;
        };
        CardSuggestion: {
            cardId: string | null;
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
            decisionNote: string | null;
            facts: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @enum {unknown} */
            kind: "yellow_card" | "red_card" | "supervision_notice" | "admonishing_talk";
            problem: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            } | null;
            rule: string;
            /** @enum {unknown} */
            status: "pending" | "confirmed" | "dismissed";
            /** Format: uuid */
            unitId: string;
            unitName: string;
            version: number;
        };
        CardSuggestionPage: {
            items: components["schemas"]["CardSuggestion"][];
            nextCursor: string | null;
            total: number;
        };
        Challenge: {
            difficulty: number;
            /** Format: date-time */
            expiresAt: string;
            salt: string;
            token: string;
        };
        ChallengeAnswer: {
            nonce: string;
            token: string;
        };
        Change: {
            action: components["schemas"]["ChangeAction"];
            /** Format: date-time */
            at: string;
            cursor: string;
            href: string | null;
            /** Format: uuid */
            id: string;
            problemId: string | null;
            type: components["schemas"]["ChangeType"];
            version: number | null;
        };
        /** @enum {unknown} */
        ChangeAction: "created" | "updated" | "deleted";
        ChangePage: {
            hasMore: boolean;
            items: components["schemas"]["Change"][];
            nextCursor: string;
            retentionDays: number;
        };
        ChangePasswordBody: {
            currentPassword: string;
            newPassword: string;
        };
        /** @enum {unknown} */
        ChangeType: "problem" | "measure" | "report" | "petition" | "notice";
        ClientToken: {
            access_token: string;
            expires_in: number;
            scope: string;
            /** @enum {string} */
            token_type: "Bearer";
        };
        ClientTokenBody: {
            client_id?: string;
            client_secret?: string;
            /** @example client_credentials */
            grant_type: string;
            scope?: string;
        } & {
            [key: string]: unknown;
        };
        CloseNoticeBody: {
            note: string;
        };
        Closeout: {
            closedBy: components["schemas"]["ActorRef"];
            /** Format: date */
            closedOn: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            outcome: components["schemas"]["Outcome"];
            /** Format: uuid */
            problemId: string;
            publicityId: string | null;
            reason: string | null;
            reopenedAt: string | null;
        };
        CloseoutFile: {
            acceptances: components["schemas"]["Acceptance"][];
            can: {
                apply: boolean;
                close: boolean;
                downloadDossier: boolean;
                openPublicity: boolean;
                review: {
                    /** Format: uuid */
                    acceptanceId: string;
                    level: number;
                    levelKind: components["schemas"]["AcceptanceLevel"];
                } | null;
                reviewRebound: boolean;
                ruleObjections: boolean;
            };
            closeouts: components["schemas"]["Closeout"][];
            publicities: components["schemas"]["Publicity"][];
            reboundReviews: components["schemas"]["ReboundReview"][];
        };
        CloseProblemBody: {
            outcome: components["schemas"]["Outcome"];
            reason?: string;
        };
        CompleteInspectionBody: {
            /** Format: date */
            doneDate: string;
            summary: string;
        };
        CreateAccountabilityBody: {
            decidingBody: string;
            /** Format: date */
            decisionDate: string;
            docNumber?: string;
            fileIds?: string[];
            form: components["schemas"]["AccountabilityForm"];
            personName?: string | null;
            personPost?: string | null;
            problemIds: string[];
            subjectKind: components["schemas"]["SubjectKind"];
            summary?: string;
            /** Format: uuid */
            unitId: string;
        };
        CreateApiClientBody: {
            name: string;
            scopes: components["schemas"]["Scope"][];
            unitId?: string | null;
        };
        CreateCardBody: {
            /** @enum {unknown} */
            color: "yellow" | "red";
            problemIds: string[];
            reason: string;
            /** Format: uuid */
            unitId: string;
        };
        CreateDispatchPeriodBody: {
            /** Format: date */
            dueDate: string;
            period: string;
            /** Format: uuid */
            roundId: string;
            title: string;
        };
        CreateExtensionBody: {
            measureId?: string | null;
            reason: string;
            /** Format: date */
            requestedDeadline: string;
        };
        CreateInspectionBody: {
            kind: components["schemas"]["InspectionKind"];
            /** Format: date */
            plannedDate: string;
            sites: components["schemas"]["InspectionSite"][];
            targetUnitIds: string[];
            team: string;
            title: string;
        };
        CreateInstitutionBody: {
            docNumber?: string;
            fileIds?: string[];
            /** Format: date */
            issuedOn: string;
            /** Format: uuid */
            issuingUnitId: string;
            kind: components["schemas"]["InstitutionKind"];
            problemIds?: string[];
            public?: boolean;
            summary?: string;
            title: string;
        };
        CreateMeasureBody: {
            content: string;
            /** Format: date */
            deadline: string;
            milestones?: components["schemas"]["MilestoneInput"][];
            personName?: string;
            /** Format: date */
            startDate: string;
            /** Format: uuid */
            unitId: string;
            weight?: number;
        };
        CreatePetitionBatchBody: {
            declaredCount?: number | null;
            /** Format: date */
            handedOn: string;
            /** @default 7 */
            handlingDays?: number;
            note?: string;
            /** Format: uuid */
            roundId: string;
            seq: number;
            source: components["schemas"]["PetitionBatchSource"];
        };
        CreatePetitionBody: {
            address?: string;
            /** Format: uuid */
            batchId: string;
            complainantContact?: string;
            complainantName?: string;
            complaint: string;
            domains: components["schemas"]["ProblemDomain"][];
            keyCase?: boolean;
            receiptNo: string;
            regionIds?: string[];
            regionText?: string;
            /** Format: uuid */
            repeatOfId?: string;
            reportedParty?: string;
        };
        CreateProblemBody: {
            code: string;
            coUnitIds?: string[];
            /** Format: date */
            deadline: string;
            description: string;
            domain: components["schemas"]["ProblemDomain"];
            leadLeader?: components["schemas"]["Leader"] | null;
            /** Format: uuid */
            leadUnitId: string;
            mode: components["schemas"]["ProblemMode"];
            nature: components["schemas"]["ProblemNature"];
            parentId?: string | null;
            public?: boolean;
            regionId?: string | null;
            responsiblePersons?: components["schemas"]["Person"][];
            /** Format: uuid */
            roundId: string;
            source: components["schemas"]["ProblemSource"];
            target?: string;
            title: string;
        };
        CreateReportBody: {
            done: string;
            evidenceIds?: string[];
            issues?: string;
            measureId?: string | null;
            nextSteps?: string;
            /** Format: uuid */
            onBehalfOf?: string;
            percent: number;
            period: string;
        };
        CreateRoundBody: {
            feedbackDate?: string | null;
            kind: components["schemas"]["RoundKind"];
            name: string;
            planApprovedDate?: string | null;
            settings?: components["schemas"]["RoundSettingsInput"];
            stationedFrom?: string | null;
            stationedTo?: string | null;
        };
        CreateSweepBody: {
            /** Format: date */
            dueDate: string;
            instructions: string;
            title: string;
            unitIds: string[];
        };
        CreateUnitBody: {
            code: string;
            kind: components["schemas"]["UnitKind"];
            name: string;
            parentId: string | null;
        };
        CreateUserBody: {
            displayName: string;
            password: string;
            roles: components["schemas"]["Role"][];
            /** Format: uuid */
            unitId: string;
            username: string;
        };
        CreateWebhookBody: {
            active?: boolean;
            eventTypes: ("problem.status_changed" | "problem.light_changed" | "report.submitted" | "report.reviewed" | "notice.issued" | "notice.replied" | "notice.closed" | "notice.escalated" | "inspection.finding_recorded" | "card.issued" | "accountability.recorded" | "dispatch.closed" | "reminder.due" | "petition.assigned" | "petition.reported" | "petition.closed" | "sweep.launched" | "sweep.reported" | "institution.recorded" | "public_report.answered" | "public_report.linked")[];
            /** @enum {unknown} */
            format: "json" | "wecom" | "dingtalk" | "sms";
            name: string;
            secret?: string;
            url: string;
        };
        CriterionCheck: {
            criterion: string;
            met: boolean;
            note: string;
        };
        DashboardBreakdown: {
            /** @enum {unknown} */
            by: "unit" | "region" | "domain";
            columns: components["schemas"]["DashboardBreakdownColumns"];
            rows: components["schemas"]["DashboardBreakdownRow"][];
        };
        DashboardBreakdownColumns: {
            behind: {
                [key: string]: string;
            };
            closedNotRectified: {
                [key: string]: string;
            };
            completed: {
                [key: string]: string;
            };
            onSchedule: {
                [key: string]: string;
            };
            overdue: {
                [key: string]: string;
            };
            total: {
                [key: string]: string;
            };
        };
        DashboardBreakdownCounts: {
            behind: number;
            closedNotRectified: number;
            completed: number;
            onSchedule: number;
            overdue: number;
            total: number;
        };
        DashboardBreakdownRow: {
            counts: components["schemas"]["DashboardBreakdownCounts"];
            key: string;
            label: string | null;
            ledgerQuery: {
                [key: string]: string;
            };
        };
        DashboardFigure: {
            count: number;
            key: string;
            label: string | null;
            ledgerQuery: {
                [key: string]: string;
            } | null;
            /** @enum {unknown} */
            target: "problems" | "petitions" | "notices" | "none";
        };
        DashboardListItem: {
            code: string;
            /** Format: date */
            deadline: string;
            /** Format: uuid */
            id: string;
            leadUnit: string;
            light: components["schemas"]["Light"];
            status: components["schemas"]["ProblemStatus"];
            title: string;
            value: number;
        };
        DashboardLists: {
            behind: {
                items: components["schemas"]["DashboardListItem"][];
                total: components["schemas"]["DashboardFigure"];
            };
            overdue: {
                items: components["schemas"]["DashboardListItem"][];
                total: components["schemas"]["DashboardFigure"];
            };
        };
        DashboardOverview: {
            /** Format: date */
            asOf: string;
            byBucket: components["schemas"]["DashboardFigure"][];
            byLight: components["schemas"]["DashboardFigure"][];
            byStatus: components["schemas"]["DashboardFigure"][];
            total: components["schemas"]["DashboardFigure"];
        };
        DashboardPetitions: {
            byFinding: components["schemas"]["DashboardFigure"][];
            byStatus: components["schemas"]["DashboardFigure"][];
            total: components["schemas"]["DashboardFigure"];
        };
        DashboardSupervision: {
            cardsByColor: components["schemas"]["DashboardFigure"][];
            noticesByLevel: components["schemas"]["DashboardFigure"][];
            noticesByStatus: components["schemas"]["DashboardFigure"][];
            noticesOverdue: components["schemas"]["DashboardFigure"];
        };
        DashboardTrend: {
            total: number;
            weeks: {
                completed: components["schemas"]["DashboardFigure"];
                cumulative: number;
                /** Format: date */
                from: string;
                planned: number;
                /** Format: date */
                to: string;
                week: string;
            }[];
        };
        DecideExtensionBody: {
            /** @enum {unknown} */
            decision: "grant" | "deny";
            reason: string;
        };
        DispatchBoard: {
            notReported: number;
            notReportedUnits: {
                problems: number;
                /** Format: uuid */
                unitId: string;
                unitName: string;
            }[];
            problems: components["schemas"]["BoardProblem"][];
            reported: number;
        };
        /** @description The data of a dispatch.closed event */
        DispatchClosedData: {
            behind: number;
            closedNotRectified: number;
            completed: number;
            /** Format: uuid */
            id: string;
            notReported: number;
            onSchedule: number;
            overdue: number;
            period: string;
            /** Format: uuid */
            roundId: string;
            title: string;
        };
        DispatchPeriod: {
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            period: string;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            /** @enum {unknown} */
            status: "open" | "closed";
            summary: components["schemas"]["DispatchSummary"] | null;
            title: string;
            version: number;
        };
        DispatchPeriodDetail: {
            board: components["schemas"]["DispatchBoard"] | null;
            period: components["schemas"]["DispatchPeriod"];
        };
        DispatchPeriodPage: {
            items: components["schemas"]["DispatchPeriod"][];
            nextCursor: string | null;
            total: number;
        };
        DispatchProblemRef: {
            code: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            leadUnitId: string;
            leadUnitName: string;
            light: string;
            title: string;
        };
        DispatchSummary: {
            /** Format: date */
            asOf: string;
            behind: number;
            closedNotRectified: number;
            completed: number;
            lists: {
                behind: components["schemas"]["DispatchProblemRef"][];
                closedNotRectified: components["schemas"]["DispatchProblemRef"][];
                completed: components["schemas"]["DispatchProblemRef"][];
                notReported: components["schemas"]["DispatchProblemRef"][];
                onSchedule: components["schemas"]["DispatchProblemRef"][];
                overdue: components["schemas"]["DispatchProblemRef"][];
            };
            notReported: number;
            onSchedule: number;
            overdue: number;
            total: number;
        };
        EscalateNoticeBody: {
            body: string;
            /** Format: date */
            replyDue: string;
            title?: string;
        };
        Extension: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            currentDeadline: string;
            decidedAt: string | null;
            decisionReason: string | null;
            /** Format: uuid */
            id: string;
            measureId: string | null;
            /** Format: uuid */
            problemId: string;
            reason: string;
            requestedBy: string | null;
            /** Format: date */
            requestedDeadline: string;
            /** @enum {unknown} */
            status: "requested" | "granted" | "denied";
            version: number;
        };
        ExtensionEffect: {
            measures: {
                content: string;
                /** Format: date */
                from: string;
                /** Format: uuid */
                id: string;
                milestones: {
                    /** Format: date */
                    from: string;
                    /** Format: uuid */
                    id: string;
                    name: string;
                    /** Format: date */
                    to: string;
                }[];
                seq: number;
                /** Format: date */
                to: string;
            }[];
            problem: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            } | null;
        };
        ExtensionList: {
            items: components["schemas"]["Extension"][];
        };
        File: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            mimeType: string;
            name: string;
            sha256: string;
            size: number;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        HotlineReceipt: {
            /** Format: date-time */
            createdAt: string;
            externalId: string;
            trackingCode: string;
        };
        HotlineReportBody: {
            addressString?: string;
            contact?: string;
            description: string;
            externalId: string;
            lat?: number;
            long?: number;
            name?: string;
            objection?: boolean;
            photos?: {
                /** Format: uuid */
                id: string;
                token: string;
            }[];
            /** Format: uuid */
            problemId?: string;
            reporterType?: components["schemas"]["ReporterType"];
        };
        ImportCellError: {
            cell: string | null;
            column: string;
            message: string;
            messageEn: string;
            row: number;
        };
        ImportColumn: {
            /** @enum {unknown} */
            by: "synonym" | "mapping" | "none";
            field: string | null;
            header: string;
            index: number;
        };
        ImportNewUnit: {
            kind?: components["schemas"]["UnitKind"];
            /** Format: uuid */
            parentId: string;
        };
        ImportWarning: {
            acknowledged: boolean;
            cell: string | null;
            /** @enum {unknown} */
            code: "deadline_past" | "before_feedback";
            column: string;
            message: string;
            messageEn: string;
            row: number;
        };
        InboxMessage: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            entityId: string | null;
            entityType: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            link: string | null;
            readAt: string | null;
            title: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxMessage"][];
            nextCursor: string | null;
            total: number;
        };
        Inspection: {
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["ActorRef"] | null;
            doneDate: string | null;
            findingCount: number;
            findings: components["schemas"]["InspectionFinding"][];
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["InspectionKind"];
            /** Format: date */
            plannedDate: string;
            sites: components["schemas"]["InspectionSite"][];
            status: components["schemas"]["InspectionStatus"];
            summary: string;
            targetUnits: components["schemas"]["UnitRef"][];
            team: string;
            title: string;
            version: number;
        };
        InspectionFinding: {
            content: string;
            /** Format: date-time */
            createdAt: string;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            inspectionId: string;
            opened: boolean;
            problem: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            } | null;
            seq: number;
            site: string;
            unit: components["schemas"]["UnitRef"] | null;
        };
        /** @description The data of a inspection.finding_recorded event */
        InspectionFindingRecordedData: {
            /** Format: uuid */
            findingId: string;
            /** Format: uuid */
            inspectionId: string;
            kind: string;
            /** @description The finding opened a new problem */
            opened: boolean;
            problemId: string | null;
            seq: number;
        };
        /** @enum {unknown} */
        InspectionKind: "routine" | "unannounced";
        InspectionPage: {
            items: components["schemas"]["Inspection"][];
            nextCursor: string | null;
            total: number;
        };
        InspectionSite: {
            address?: string;
            name: string;
        };
        /** @enum {unknown} */
        InspectionStatus: "planned" | "done" | "cancelled";
        Institution: {
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["ActorRef"] | null;
            docNumber: string;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            /** Format: date */
            issuedOn: string;
            issuingUnit: components["schemas"]["UnitRef"];
            kind: components["schemas"]["InstitutionKind"];
            problems: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            }[];
            public: boolean;
            summary: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @enum {unknown} */
        InstitutionKind: "regulation" | "mechanism" | "document" | "standard" | "plan";
        InstitutionPage: {
            items: components["schemas"]["Institution"][];
            nextCursor: string | null;
            total: number;
        };
        /** @description The data of a institution.recorded event */
        InstitutionRecordedData: {
            docNumber: string | null;
            /** Format: uuid */
            institutionId: string;
            /** Format: date */
            issuedOn: string;
            /** Format: uuid */
            issuingUnitId: string;
            kind: string;
            problemIds: string[];
            public: boolean;
            title: string;
        };
        IssueNoticeBody: {
            body: string;
            fileIds?: string[];
            level: components["schemas"]["NoticeLevel"];
            problemIds: string[];
            /** Format: date */
            replyDue: string;
            title: string;
            /** Format: uuid */
            unitId: string;
        };
        Leader: {
            name: string;
            post: string;
        };
        /** @enum {unknown} */
        Light: "green" | "blue" | "yellow" | "red";
        LightInfo: {
            /** Format: date */
            asOf: string;
            color: components["schemas"]["Light"];
            reasons: components["schemas"]["LightReason"][];
        };
        LightReason: {
            /** @enum {unknown} */
            code: "overdue" | "measure_overdue" | "behind" | "milestone_missed" | "deadline_near" | "on_track" | "done";
            /** Format: date */
            date?: string;
            days?: number;
            /** Format: uuid */
            measureId?: string;
            milestone?: string;
            planned?: number;
            reported?: number;
        };
        LoginBody: {
            password: string;
            username: string;
        };
        Me: {
            displayName: string;
            /** Format: uuid */
            id: string;
            passwordChangedAt: string | null;
            roles: components["schemas"]["Role"][];
            session: {
                /** Format: date-time */
                expiresAt: string;
                idleTimeoutSeconds: number;
            };
            unit: components["schemas"]["UnitRef"];
            username: string;
        };
        Measure: {
            content: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            deadline: string;
            doneDate: string | null;
            /** Format: uuid */
            id: string;
            light: components["schemas"]["LightInfo"];
            milestones: components["schemas"]["Milestone"][];
            originalDeadline: string | null;
            percent: number;
            personName: string;
            plannedProgress: number;
            /** Format: uuid */
            problemId: string;
            seq: number;
            /** Format: date */
            startDate: string;
            status: components["schemas"]["MeasureStatus"];
            unit: components["schemas"]["UnitRef"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
            weight: number;
        };
        MeasureList: {
            items: components["schemas"]["Measure"][];
        };
        /** @enum {unknown} */
        MeasureStatus: "pending" | "in_progress" | "done";
        Milestone: {
            doneDate: string | null;
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            name: string;
            weight: number | null;
        };
        MilestoneInput: {
            doneDate?: string | null;
            /** Format: date */
            dueDate: string;
            name: string;
            weight?: number | null;
        };
        MyWork: {
            nearDeadlines: components["schemas"]["Problem"][];
            period: string;
            plansToDraft: components["schemas"]["Problem"][];
            reportsDue: components["schemas"]["Problem"][];
            returned: {
                problem: components["schemas"]["Problem"];
                reason: string;
                /** Format: uuid */
                reportId: string;
            }[];
        };
        NoFieldsBody: Record<string, never>;
        Notice: {
            body: string;
            child: components["schemas"]["NoticeRef"] | null;
            closedAt: string | null;
            closeNote: string | null;
            /** Format: date-time */
            createdAt: string;
            daysOverdue: number;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            issuedBy: components["schemas"]["ActorRef"];
            /** Format: date */
            issuedOn: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            overdue: boolean;
            parent: components["schemas"]["NoticeRef"] | null;
            problems: components["schemas"]["ProblemRef"][];
            reply: components["schemas"]["NoticeReply"] | null;
            /** Format: date */
            replyDue: string;
            seq: number;
            status: components["schemas"]["NoticeStatus"];
            title: string;
            unit: components["schemas"]["UnitRef"];
            version: number;
            year: number;
        };
        NoticeCan: {
            close: boolean;
            escalate: boolean;
            reply: boolean;
        };
        /** @description The data of a notice.closed event */
        NoticeClosedData: {
            /** Format: uuid */
            id: string;
            level: components["schemas"]["NoticeLevel"];
            note: string | null;
            number: string;
            /** Format: date */
            replyDue: string;
            status: components["schemas"]["NoticeStatus"];
            /** Format: uuid */
            unitId: string;
        };
        NoticeDetail: {
            body: string;
            can: components["schemas"]["NoticeCan"];
            chain: components["schemas"]["NoticeRef"][];
            child: components["schemas"]["NoticeRef"] | null;
            closedAt: string | null;
            closeNote: string | null;
            /** Format: date-time */
            createdAt: string;
            daysOverdue: number;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            issuedBy: components["schemas"]["ActorRef"];
            /** Format: date */
            issuedOn: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            overdue: boolean;
            parent: components["schemas"]["NoticeRef"] | null;
            problems: components["schemas"]["ProblemRef"][];
            reply: components["schemas"]["NoticeReply"] | null;
            /** Format: date */
            replyDue: string;
            seq: number;
            status: components["schemas"]["NoticeStatus"];
            title: string;
            unit: components["schemas"]["UnitRef"];
            version: number;
            year: number;
        };
        /** @description The data of a notice.escalated event */
        NoticeEscalatedData: {
            fromLevel: string;
            /** Format: uuid */
            id: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            /** Format: date */
            replyDue: string;
            status: components["schemas"]["NoticeStatus"];
            to: components["schemas"]["NoticeRef"];
            /** Format: uuid */
            unitId: string;
        };
        /** @description The data of a notice.issued event */
        NoticeIssuedData: {
            /** Format: uuid */
            id: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            problemIds: string[];
            /** Format: date */
            replyDue: string;
            status: components["schemas"]["NoticeStatus"];
            /** Format: uuid */
            unitId: string;
        };
        /** @enum {unknown} */
        NoticeLevel: "reminder" | "supervision" | "warning" | "listed";
        NoticePage: {
            items: components["schemas"]["Notice"][];
            nextCursor: string | null;
            overdue: number;
            total: number;
        };
        NoticeRef: {
            /** Format: uuid */
            id: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            status: components["schemas"]["NoticeStatus"];
        };
        /** @description The data of a notice.replied event */
        NoticeRepliedData: {
            fileIds: string[];
            /** Format: uuid */
            id: string;
            level: components["schemas"]["NoticeLevel"];
            number: string;
            /** Format: date */
            replyDue: string;
            replyText: string;
            status: components["schemas"]["NoticeStatus"];
            /** Format: uuid */
            unitId: string;
        };
        NoticeReply: {
            /** Format: date-time */
            at: string;
            by: components["schemas"]["ActorRef"];
            files: components["schemas"]["File"][];
            text: string;
        };
        /** @enum {unknown} */
        NoticeStatus: "issued" | "replied" | "closed" | "escalated";
        OAuthError: {
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "rate_limited" | "server_error" | "temporarily_unavailable";
            error_description?: string;
        };
        ObjectionCounts: {
            pending: number;
            rejected: number;
            total: number;
            upheld: number;
        };
        OpenPublicityBody: {
            days?: number;
            notice: string;
            /** Format: date */
            startDate?: string;
        };
        /** @enum {unknown} */
        Outcome: "rectified" | "not_rectified";
        ParsedDeadline: {
            deadline: string | null;
            mode: components["schemas"]["ProblemMode"];
            stages: {
                /** Format: date */
                deadline: string;
                text: string;
            }[];
            text: string;
        };
        ParsedUnit: {
            choice: ("expand" | "collective") | null;
            collective: boolean;
            collectiveKind: ("counties" | "departments" | "townships" | "levels") | null;
            coordinator: components["schemas"]["UnitRef"] | null;
            create: {
                kind: components["schemas"]["UnitKind"];
                parent: components["schemas"]["UnitRef"];
            } | null;
            expandsTo: components["schemas"]["UnitRef"][];
            /** @enum {unknown} */
            role: "lead" | "co";
            suggestions: components["schemas"]["UnitRef"][];
            text: string;
            unit: components["schemas"]["UnitRef"] | null;
        };
        PatchAssessmentRuleBody: {
            description?: string;
            points?: number;
        };
        Person: {
            name: string;
            phone?: string;
            post: string;
        };
        Petition: {
            address: string;
            assignedAt: string | null;
            batch: {
                /** Format: uuid */
                id: string;
                seq: number;
            };
            batchIds: string[];
            callback: {
                note: string;
                /** Format: date */
                on: string;
                satisfaction: components["schemas"]["PetitionSatisfaction"];
            } | null;
            canViewComplainant: boolean;
            closedAt: string | null;
            complaint: string;
            /** Format: date-time */
            createdAt: string;
            deadline: string | null;
            domains: components["schemas"]["ProblemDomain"][];
            files: components["schemas"]["File"][];
            handling: components["schemas"]["PetitionHandling"] | null;
            handlingUnit: components["schemas"]["UnitRef"] | null;
            /** Format: uuid */
            id: string;
            keyCase: boolean;
            overdue: boolean;
            problem: components["schemas"]["ProblemRef"] | null;
            receiptNo: string;
            regions: components["schemas"]["UnitRef"][];
            regionText: string;
            reimports?: components["schemas"]["PetitionReimport"][];
            repeatOf: {
                /** Format: uuid */
                id: string;
                receiptNo: string;
            } | null;
            reportedParty: string;
            returnReason: string | null;
            status: components["schemas"]["PetitionStatus"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @description The data of a petition.assigned event */
        PetitionAssignedData: {
            /** Format: date */
            deadline: string;
            /** Format: uuid */
            petitionId: string;
            receiptNo: string;
            /** Format: uuid */
            unitId: string;
        };
        PetitionBatch: {
            byStatus: {
                [key: string]: number;
            };
            caseCount: number;
            /** Format: date-time */
            createdAt: string;
            declaredCount: number | null;
            /** Format: date */
            handedOn: string;
            handlingDays: number;
            /** Format: uuid */
            id: string;
            note: string;
            publishedAt: string | null;
            /** Format: uuid */
            roundId: string;
            seq: number;
            source: components["schemas"]["PetitionBatchSource"];
            unpublishedChanges: number;
            version: number;
        };
        PetitionBatchPage: {
            items: components["schemas"]["PetitionBatch"][];
            nextCursor: string | null;
            total: number;
        };
        /** @enum {unknown} */
        PetitionBatchSource: "central" | "provincial";
        PetitionCallbackBody: {
            note?: string;
            /** Format: date */
            on: string;
            satisfaction: components["schemas"]["PetitionSatisfaction"];
        };
        /** @description The data of a petition.closed event */
        PetitionClosedData: {
            finding: string | null;
            /** Format: uuid */
            petitionId: string;
            receiptNo: string;
        };
        PetitionComplainant: {
            contact: string;
            erasedAt: string | null;
            name: string;
        };
        /** @enum {unknown} */
        PetitionFinding: "true" | "mostly_true" | "partly_true" | "untrue";
        PetitionHandling: {
            accountability: string;
            casesFiled: number | null;
            detained: number | null;
            finding: components["schemas"]["PetitionFinding"];
            finesWan: number | null;
            heldAccountable: number | null;
            importedFileId: string | null;
            investigation: string;
            measures: string;
            ordersToRectify: number | null;
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["ActorRef"];
            talkedTo: number | null;
        };
        PetitionImportBody: {
            choices?: {
                [key: string]: components["schemas"]["PetitionImportChoice"];
            };
            /** @default true */
            dryRun?: boolean;
            /** Format: uuid */
            fileId: string;
            mapping?: {
                [key: string]: components["schemas"]["PetitionImportField"] | null;
            };
            repeats?: {
                [key: string]: string;
            };
        };
        /** @enum {unknown} */
        PetitionImportChoice: "keep" | "take";
        PetitionImportDifference: {
            current: string;
            /** @enum {unknown} */
            field: "region" | "reportedParty" | "address" | "domains" | "complaint" | "keyCase" | "finding" | "investigation" | "measures" | "accountability" | "ordersToRectify" | "casesFiled" | "finesWan" | "detained" | "talkedTo" | "heldAccountable" | "closure";
            incoming: string;
        };
        /** @enum {unknown} */
        PetitionImportField: "seq" | "receiptNo" | "region" | "reportedParty" | "address" | "domain" | "complaint" | "keyCase" | "complainantName" | "complainantContact" | "finding" | "measures" | "accountability" | "ordersToRectify" | "casesFiled" | "finesWan" | "detained" | "talkedTo" | "heldAccountable" | "investigation" | "closure" | "handlingUnit";
        PetitionImportHandling: {
            accountability: string;
            casesFiled: number | null;
            /** @enum {unknown} */
            closure: "closed" | "partly_closed" | "open";
            detained: number | null;
            finding: components["schemas"]["PetitionFinding"] | null;
            finesWan: number | null;
            handlingUnit: components["schemas"]["UnitRef"] | null;
            heldAccountable: number | null;
            investigation: string;
            measures: string;
            ordersToRectify: number | null;
            talkedTo: number | null;
        };
        PetitionImportRefused: {
            allowed?: string[];
            code: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            report?: components["schemas"]["PetitionImportReport"];
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        PetitionImportReport: {
            columns: components["schemas"]["ImportColumn"][];
            counts: {
                errors: number;
                handled: number;
                needChoice: number;
                new: number;
                repeats: number;
                rows: number;
                unchanged: number;
                updated: number;
            };
            dryRun: boolean;
            errors: components["schemas"]["ImportCellError"][];
            imported: boolean;
            missingFields: string[];
            rows: components["schemas"]["PetitionImportRow"][];
            sheet: string;
        };
        PetitionImportRow: {
            /** @enum {unknown} */
            action: "new" | "update" | "error";
            address: string;
            choice: components["schemas"]["PetitionImportChoice"] | null;
            complaint: string;
            differences: components["schemas"]["PetitionImportDifference"][];
            domains: components["schemas"]["ProblemDomain"][];
            finding: components["schemas"]["PetitionFinding"] | null;
            handling: components["schemas"]["PetitionImportHandling"] | null;
            hasComplainant: boolean;
            keyCase: boolean;
            needsChoice: boolean;
            receiptNo: string;
            regions: components["schemas"]["UnitRef"][];
            regionText: string;
            repeatCandidates: components["schemas"]["RepeatCandidate"][];
            reportedParty: string;
            row: number;
        };
        PetitionPage: {
            items: components["schemas"]["Petition"][];
            nextCursor: string | null;
            total: number;
        };
        PetitionProblemBody: {
            /** Format: uuid */
            problemId: string;
        } | {
            open: {
                /** Format: date */
                deadline: string;
                domain?: components["schemas"]["ProblemDomain"];
                /** Format: uuid */
                leadUnitId: string;
                /** Format: uuid */
                regionId?: string;
                title: string;
            };
        };
        PetitionReimport: {
            /** Format: date-time */
            at: string;
            batchId: string | null;
            by: string;
            choice: components["schemas"]["PetitionImportChoice"] | null;
            differences: components["schemas"]["PetitionImportDifference"][];
        };
        PetitionRepeatBody: {
            repeatOfId: string | null;
        };
        /** @description The data of a petition.reported event */
        PetitionReportedData: {
            finding: string | null;
            /** Format: uuid */
            petitionId: string;
            receiptNo: string;
        };
        /** @enum {unknown} */
        PetitionSatisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | "unreachable";
        /** @enum {unknown} */
        PetitionStatus: "received" | "handling" | "submitted" | "partly_closed" | "closed";
        Problem: {
            closedOn: string | null;
            code: string;
            collectiveUnits: string;
            coUnits: components["schemas"]["UnitRef"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            deadline: string;
            description: string;
            domain: components["schemas"]["ProblemDomain"];
            /** Format: uuid */
            id: string;
            leadLeader: components["schemas"]["Leader"] | null;
            leadUnit: components["schemas"]["UnitRef"];
            light: components["schemas"]["LightInfo"];
            mode: components["schemas"]["ProblemMode"];
            nature: components["schemas"]["ProblemNature"];
            originalDeadline: string | null;
            outcome: components["schemas"]["Outcome"] | null;
            overdue: boolean;
            parentId: string | null;
            plannedProgress: number;
            public: boolean;
            rebound: boolean;
            region: components["schemas"]["UnitRef"] | null;
            reportedProgress: number;
            responsiblePersons: components["schemas"]["Person"][];
            /** Format: uuid */
            roundId: string;
            source: components["schemas"]["ProblemSource"];
            status: components["schemas"]["ProblemStatus"];
            target: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @enum {unknown} */
        ProblemAction: "submit" | "approve" | "return";
        /** @description RFC 9457 problem details */
        ProblemDetails: {
            allowed?: string[];
            code: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        /** @enum {unknown} */
        ProblemDomain: "air" | "water" | "soil" | "solid_waste" | "ecology" | "noise" | "marine" | "other";
        ProblemFinding: {
            content: string;
            /** Format: date-time */
            createdAt: string;
            files: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            inspection: {
                doneDate: string | null;
                /** Format: uuid */
                id: string;
                kind: components["schemas"]["InspectionKind"];
                title: string;
            };
            /** Format: uuid */
            inspectionId: string;
            opened: boolean;
            problem: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            } | null;
            seq: number;
            site: string;
            unit: components["schemas"]["UnitRef"] | null;
        };
        ProblemFindingList: {
            items: components["schemas"]["ProblemFinding"][];
        };
        ProblemImportBody: {
            acknowledge?: "all" | number[];
            collectives?: {
                [key: string]: {
                    /** @enum {string} */
                    action: "expand";
                } | {
                    /** @enum {string} */
                    action: "collective";
                    /** Format: uuid */
                    coordinatorId: string;
                };
            };
            createUnits?: {
                [key: string]: components["schemas"]["ImportNewUnit"];
            };
            /** @default true */
            dryRun?: boolean;
            /** @default false */
            expandCollective?: boolean;
            /** Format: uuid */
            fileId: string;
            mapping?: {
                [key: string]: components["schemas"]["ProblemImportField"] | null;
            };
            unitAliases?: {
                [key: string]: string;
            };
        };
        /** @enum {unknown} */
        ProblemImportField: "seq" | "code" | "title" | "description" | "units" | "leadUnit" | "coUnits" | "collective" | "leadLeader" | "target" | "deadline" | "measures" | "mode" | "domain" | "region" | "nature" | "source";
        ProblemImportRefused: {
            allowed?: string[];
            code: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            report?: components["schemas"]["ProblemImportReport"];
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        ProblemImportReport: {
            columns: components["schemas"]["ImportColumn"][];
            counts: {
                errors: number;
                measures: number;
                new: number;
                tasks: number;
                unacknowledged: number;
                unchanged: number;
                updated: number;
                warnings: number;
            };
            dryRun: boolean;
            errors: components["schemas"]["ImportCellError"][];
            imported: boolean;
            missingFields: string[];
            newUnits: {
                kind: components["schemas"]["UnitKind"];
                name: string;
                parent: components["schemas"]["UnitRef"];
            }[];
            rows: components["schemas"]["ProblemImportRow"][];
            sheet: string;
            warnings: components["schemas"]["ImportWarning"][];
        };
        ProblemImportRow: {
            /** @enum {unknown} */
            action: "new" | "update" | "unchanged" | "error";
            code: string;
            collectiveUnits: string;
            deadline: components["schemas"]["ParsedDeadline"];
            domain: string;
            inferred: ("domain" | "region" | "deadline")[];
            leadLeader: string;
            measures: string[];
            region: components["schemas"]["UnitRef"] | null;
            row: number;
            rows: number[];
            target: string;
            title: string;
            units: components["schemas"]["ParsedUnit"][];
        };
        /** @description The data of a problem.light_changed event */
        ProblemLightChangedData: {
            code: string;
            /** Format: date */
            date: string;
            /** @description The light before (green, yellow, blue, red, …) */
            from: string;
            /** Format: uuid */
            problemId: string;
            title: string;
            to: string;
        };
        /** @enum {unknown} */
        ProblemMode: "immediate" | "time_bound" | "long_term";
        /** @enum {unknown} */
        ProblemNature: "individual" | "common";
        ProblemPage: {
            items: components["schemas"]["Problem"][];
            nextCursor: string | null;
            total: number;
            totalIsEstimate: boolean;
        };
        ProblemRef: {
            code: string;
            /** Format: uuid */
            id: string;
            status: string;
            title: string;
        };
        /** @enum {unknown} */
        ProblemSource: "feedback" | "petition" | "self_check" | "sweep" | "inspection" | "public_report";
        /** @enum {unknown} */
        ProblemStatus: "draft" | "plan_review" | "in_progress" | "acceptance" | "publicity" | "closed";
        /** @description The data of a problem.status_changed event */
        ProblemStatusChangedData: {
            /** @description The transition taken (submit_plan, approve_plan, …) */
            action: string;
            code: string;
            from: string;
            /** Format: uuid */
            problemId: string;
            reason: string | null;
            title: string;
            to: string;
        };
        ProblemSummary: {
            behind: number;
            byLight: {
                [key: string]: number;
            };
            byStatus: {
                [key: string]: number;
            };
            closedNotRectified: number;
            completed: number;
            onSchedule: number;
            overdue: number;
            rebound: number;
            total: number;
        };
        ProgressImportBody: {
            /** @default true */
            dryRun?: boolean;
            /** Format: uuid */
            fileId: string;
            mapping?: {
                [key: string]: components["schemas"]["ProgressImportField"] | null;
            };
            rows?: {
                [key: string]: components["schemas"]["ProgressImportRowChoice"];
            };
            unitId?: string | null;
        };
        /** @enum {unknown} */
        ProgressImportField: "seq" | "code" | "title" | "progress" | "completion" | "percent" | "deadline" | "unit" | "issues" | "nextSteps" | "note";
        ProgressImportRefused: {
            allowed?: string[];
            code: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            report?: components["schemas"]["ProgressImportReport"];
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        ProgressImportReport: {
            columns: components["schemas"]["ImportColumn"][];
            counts: {
                duplicates: number;
                errors: number;
                proposals: number;
                reports: number;
                rows: number;
                skipped: number;
                unconfirmed: number;
            };
            dryRun: boolean;
            errors: components["schemas"]["ImportCellError"][];
            imported: boolean;
            missingFields: string[];
            period: {
                /** Format: uuid */
                id: string;
                period: string;
                title: string;
            };
            reportIds: string[];
            rows: components["schemas"]["ProgressImportRow"][];
            sheet: string;
            warnings: components["schemas"]["ImportCellError"][];
        };
        ProgressImportRow: {
            /** @enum {unknown} */
            action: "report" | "skip" | "duplicate" | "error";
            candidates: components["schemas"]["ProgressMatchCandidate"][];
            code: string;
            completion: ("done" | "mostly_done" | "not_done" | "ongoing") | null;
            completionText: string;
            deadline: string;
            match: {
                /** @enum {unknown} */
                by: "code" | "title" | "user" | "none";
                confirmed: boolean;
                problem: components["schemas"]["ProblemRef"] | null;
                score: number | null;
            };
            percent: number | null;
            percentInferred: boolean;
            progress: string;
            proposesAcceptance: boolean;
            row: number;
            title: string;
            unit: components["schemas"]["UnitRef"] | null;
            unitBy: ("column" | "file" | "user") | null;
            unitText: string;
        };
        ProgressImportRowChoice: {
            /** Format: uuid */
            problemId?: string;
            skip?: boolean;
            /** Format: uuid */
            unitId?: string;
        };
        ProgressMatchCandidate: {
            code: string;
            /** Format: uuid */
            id: string;
            score: number;
            status: string;
            title: string;
        };
        ProgressReport: {
            /** Format: date-time */
            createdAt: string;
            done: string;
            evidence: components["schemas"]["File"][];
            /** Format: uuid */
            id: string;
            issues: string;
            measureId: string | null;
            nextSteps: string;
            percent: number;
            period: string;
            /** Format: uuid */
            problemId: string;
            rating: ("on_schedule" | "behind") | null;
            reviewedAt: string | null;
            reviewNote: string | null;
            status: components["schemas"]["ReportStatus"];
            submittedBy: string | null;
            submittedByClient: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            submittedOnBehalf: boolean;
            unit: components["schemas"]["UnitRef"];
            version: number;
        };
        PublicInstitution: {
            docNumber: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            issuedOn: string;
            issuingUnit: string;
            kind: components["schemas"]["InstitutionKind"];
            problems: {
                code: string;
                title: string;
            }[];
            summary: string;
            title: string;
        };
        PublicInstitutionList: {
            items: components["schemas"]["PublicInstitution"][];
        };
        Publicity: {
            /** Format: uuid */
            acceptanceId: string;
            days: number;
            /** Format: date */
            endDate: string;
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            notice: string;
            objections: components["schemas"]["ObjectionCounts"];
            /** Format: date-time */
            openedAt: string;
            openedBy: components["schemas"]["ActorRef"];
            periodOver: boolean;
            /** Format: uuid */
            problemId: string;
            /** Format: date */
            startDate: string;
            status: components["schemas"]["PublicityStatus"];
            version: number;
        };
        PublicityListItem: {
            problem: components["schemas"]["Problem"];
            publicity: components["schemas"]["Publicity"];
        };
        PublicityPage: {
            items: components["schemas"]["PublicityListItem"][];
            nextCursor: string | null;
            total: number;
        };
        /** @enum {unknown} */
        PublicityStatus: "open" | "ended" | "overturned";
        PublicNotice: {
            /** Format: date */
            endDate: string;
            notice: string;
            open: boolean;
            /** @enum {unknown} */
            phase: "upcoming" | "running" | "ended";
            /** Format: uuid */
            publicityId: string;
            /** Format: date */
            startDate: string;
        };
        PublicNoticeList: {
            items: {
                notice: components["schemas"]["PublicNotice"];
                problem: components["schemas"]["PublicProblem"];
            }[];
        };
        PublicPetitionBatch: {
            caseCount: number;
            /** Format: date */
            handedOn: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            publishedAt: string;
            roundName: string;
            rows: components["schemas"]["PublicPetitionRow"][];
            seq: number;
            source: components["schemas"]["PetitionBatchSource"];
        };
        PublicPetitionBatchList: {
            items: {
                caseCount: number;
                /** Format: date */
                handedOn: string;
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                publishedAt: string;
                roundName: string;
                seq: number;
                source: components["schemas"]["PetitionBatchSource"];
            }[];
        };
        PublicPetitionRow: {
            accountability: string;
            complaint: string;
            domains: components["schemas"]["ProblemDomain"][];
            finding: components["schemas"]["PetitionFinding"] | null;
            handling: string;
            receiptNo: string;
            region: string;
            /** @enum {unknown} */
            status: "partly_closed" | "closed";
        };
        PublicProblem: {
            closedOn: string | null;
            code: string;
            coUnits: string[];
            /** Format: date */
            deadline: string;
            domain: components["schemas"]["ProblemDomain"];
            /** Format: uuid */
            id: string;
            leadUnit: string;
            light: components["schemas"]["Light"];
            mode: components["schemas"]["ProblemMode"];
            originalDeadline: string | null;
            outcome: components["schemas"]["Outcome"] | null;
            progress: number;
            region: string | null;
            status: components["schemas"]["ProblemStatus"];
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PublicProblemDetail: {
            description: string;
            measures: {
                content: string;
                /** Format: date */
                deadline: string;
                percent: number;
                seq: number;
                status: components["schemas"]["MeasureStatus"];
                unit: string;
            }[];
            notice: components["schemas"]["PublicNotice"] | null;
            problem: components["schemas"]["PublicProblem"];
            progress: {
                /** Format: date */
                date: string;
                percent: number;
                period: string;
            }[];
            target: string;
        };
        PublicProblemPage: {
            items: components["schemas"]["PublicProblem"][];
            nextCursor: string | null;
            total: number;
            totalIsEstimate: boolean;
        };
        PublicRegionList: {
            items: {
                count: number;
                /** Format: uuid */
                id: string;
                name: string;
            }[];
        };
        PublicReport: {
            contact: string | null;
            content: string;
            /** Format: date-time */
            createdAt: string;
            createdProblemId: string | null;
            /** Format: uuid */
            id: string;
            intake: {
                addressString: string | null;
                /** Format: uuid */
                clientId: string;
                externalId: string;
                lat: number | null;
                long: number | null;
            } | null;
            name: string | null;
            photos: components["schemas"]["File"][];
            problem: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            } | null;
            publicityId: string | null;
            repliedAt: string | null;
            reply: string | null;
            reporterType: components["schemas"]["ReporterType"];
            ruling: ("pending" | "upheld" | "rejected") | null;
            rulingReason: string | null;
            /** @enum {unknown} */
            status: "new" | "replied" | "linked" | "converted" | "objection";
            trackingCode: string;
            version: number;
        };
        /** @description The data of a public_report.answered event */
        PublicReportAnsweredData: {
            /** @description The hotline's own ticket number */
            externalId: string;
            repliedAt: string | null;
            /** @description The office's public reply */
            reply: string;
            status: string;
            trackingCode: string;
        };
        /** @description The data of a public_report.linked event */
        PublicReportLinkedData: {
            /** @description The hotline's own ticket number */
            externalId: string;
            /** @description linked or converted (a problem was opened from it) */
            status: string;
            trackingCode: string;
        };
        PublicReportPage: {
            items: components["schemas"]["PublicReport"][];
            nextCursor: string | null;
            total: number;
        };
        PublicReportReceipt: {
            /** Format: date-time */
            createdAt: string;
            trackingCode: string;
        };
        PublicReportStatus: {
            /** Format: date-time */
            createdAt: string;
            problem: {
                code: string;
                title: string;
            } | null;
            repliedAt: string | null;
            reply: string | null;
            /** @enum {unknown} */
            status: "received" | "in_handling" | "replied";
            trackingCode: string;
        };
        PublicUpload: {
            /** Format: uuid */
            id: string;
            mimeType: string;
            name: string;
            size: number;
            token: string;
        };
        PutCalendarDayBody: {
            kind: components["schemas"]["CalendarDayKind"];
            name: string;
        };
        RankingRow: {
            breakdown: {
                code: string;
                count: number;
                points: number;
            }[];
            denominator: number;
            numerator: number;
            problems?: {
                code: string;
                /** Format: uuid */
                id: string;
                title: string;
            }[];
            rank: number | null;
            /** Format: uuid */
            unitId: string;
            unitName: string;
            value: number;
        };
        Rankings: {
            /** Format: date */
            asOf: string;
            definition: {
                code: string;
                en: string;
                zh: string;
            };
            /** @enum {unknown} */
            metric: "completion" | "on_schedule" | "points";
            minCount: number;
            notRanked: components["schemas"]["RankingRow"][];
            order: "higher" | "lower";
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            ranked: components["schemas"]["RankingRow"][];
            rules: components["schemas"]["AssessmentRule"][];
            year: number;
        };
        ReadAllResult: {
            marked: number;
        };
        Ready: {
            database: boolean;
            migrations: {
                applied: number;
                expected: number;
            };
            replica?: {
                behindBytes: number | null;
                reachable: boolean;
                standby: boolean | null;
            };
            status: "ready" | "not_ready";
        };
        ReboundListItem: {
            problem: components["schemas"]["Problem"];
            review: components["schemas"]["ReboundReview"];
        };
        ReboundPage: {
            items: components["schemas"]["ReboundListItem"][];
            nextCursor: string | null;
            total: number;
        };
        ReboundReview: {
            checkDate: string | null;
            /** Format: uuid */
            closeoutId: string;
            /** Format: date */
            dueDate: string;
            files: components["schemas"]["File"][];
            findings: string | null;
            /** Format: uuid */
            id: string;
            months: number;
            /** Format: uuid */
            problemId: string;
            reviewedAt: string | null;
            reviewer: components["schemas"]["ActorRef"] | null;
            source: ("office" | "inspection") | null;
            status: components["schemas"]["ReboundStatus"];
            version: number;
        };
        /** @enum {unknown} */
        ReboundStatus: "scheduled" | "passed" | "failed" | "cancelled";
        RecordFindingBody: {
            content: string;
            fileIds?: string[];
            /** Format: uuid */
            problemId: string;
            site?: string;
            /** Format: uuid */
            unitId: string;
        } | {
            content: string;
            fileIds?: string[];
            problem: {
                code: string;
                coUnitIds?: string[];
                /** Format: date */
                deadline: string;
                description: string;
                domain: components["schemas"]["ProblemDomain"];
                leadLeader?: components["schemas"]["Leader"] | null;
                /** Format: uuid */
                leadUnitId: string;
                mode: components["schemas"]["ProblemMode"];
                nature: components["schemas"]["ProblemNature"];
                parentId?: string | null;
                public?: boolean;
                regionId?: string | null;
                responsiblePersons?: components["schemas"]["Person"][];
                /** Format: uuid */
                roundId: string;
                target?: string;
                title: string;
            };
            site?: string;
            /** Format: uuid */
            unitId: string;
        };
        RecordReboundReviewBody: {
            /** Format: date */
            checkDate: string;
            fileIds?: string[];
            findings: string;
            /** @enum {unknown} */
            result: "pass" | "fail";
            /** @enum {unknown} */
            source: "office" | "inspection";
        };
        RefreshBody: {
            refreshToken: string;
        };
        Refreshed: {
            accessToken: string;
            expiresIn: number;
            me: components["schemas"]["Me"];
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        RefreshSuggestionsResult: {
            created: number;
            items: components["schemas"]["CardSuggestion"][];
        };
        /** @description The data of a reminder.due event */
        ReminderDueData: {
            /** Format: date */
            deadline: string;
            /** @description contact, head or office */
            level: string;
            /** @description Days after (+) or before (−) the deadline */
            offsetDays: number;
            problemId: string | null;
            recipients: number;
            /** Format: uuid */
            subjectId: string;
            /** @description measure, problem or notice_reply */
            subjectType: string;
        };
        RemindResult: {
            messages: number;
            units: number;
        };
        RepeatCandidate: {
            address: string;
            batchSeq: number;
            complaint: string;
            /** Format: uuid */
            id: string;
            matchedParty: string | null;
            matchedSite: string | null;
            problem: components["schemas"]["ProblemRef"] | null;
            reasons: ("party" | "address" | "site" | "text")[];
            receiptNo: string;
            reportedParty: string;
            similarity: number;
            status: components["schemas"]["PetitionStatus"];
        };
        RepeatCandidateList: {
            items: components["schemas"]["RepeatCandidate"][];
        };
        ReplyNoticeBody: {
            fileIds?: string[];
            text: string;
        };
        /** @enum {unknown} */
        ReporterType: "citizen" | "npc_deputy" | "cppcc_member" | "journalist" | "other";
        ReportPage: {
            items: components["schemas"]["ProgressReport"][];
            nextCursor: string | null;
            total: number;
        };
        ReportPetitionBody: {
            accountability?: string;
            casesFiled?: number | null;
            detained?: number | null;
            fileIds?: string[];
            finding: components["schemas"]["PetitionFinding"];
            finesWan?: number | null;
            heldAccountable?: number | null;
            investigation: string;
            measures: string;
            ordersToRectify?: number | null;
            talkedTo?: number | null;
        };
        /** @description The data of a report.reviewed event */
        ReportReviewedData: {
            /** @description accept or return */
            decision: string;
            percent: number;
            period: string;
            /** Format: uuid */
            problemId: string;
            rating: string | null;
            /** Format: uuid */
            reportId: string;
            status: string;
            unit: string;
        };
        /** @enum {unknown} */
        ReportStatus: "submitted" | "accepted" | "returned";
        /** @description The data of a report.submitted event */
        ReportSubmittedData: {
            measureId: string | null;
            percent: number;
            period: string;
            /** Format: uuid */
            problemId: string;
            /** Format: uuid */
            reportId: string;
            submittedByClient: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description Entered for the unit by the office or by an API client (onBehalfOf) */
            submittedOnBehalf: boolean;
            /** @description The reporting unit's name */
            unit: string;
        };
        ResetPasswordBody: {
            password: string;
        };
        ReviewAcceptanceBody: {
            /** Format: date */
            checkDate: string;
            checklist: components["schemas"]["CriterionCheck"][];
            decision: components["schemas"]["ReviewDecision"];
            opinion: string;
            reason?: string;
        };
        /** @enum {unknown} */
        ReviewDecision: "pass" | "return";
        ReviewPetitionBody: {
            /** @enum {unknown} */
            decision: "close" | "partly_close" | "return";
            reason?: string;
        };
        ReviewReportBody: {
            /** @enum {unknown} */
            decision: "accept" | "return";
            note?: string;
            /** @enum {unknown} */
            rating?: "on_schedule" | "behind";
        };
        /** @enum {unknown} */
        Role: "admin" | "office" | "lead_unit" | "unit" | "leader" | "auditor";
        Round: {
            /** Format: date-time */
            createdAt: string;
            feedbackDate: string | null;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["RoundKind"];
            name: string;
            planApprovedDate: string | null;
            settings: components["schemas"]["RoundSettings"];
            stationedFrom: string | null;
            stationedTo: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @enum {unknown} */
        RoundKind: "central" | "provincial";
        RoundPage: {
            items: components["schemas"]["Round"][];
            nextCursor: string | null;
            total: number;
        };
        RoundSettings: {
            acceptanceLevels: components["schemas"]["AcceptanceLevel"][];
            criteria: string[];
            publicityDays: number;
            reboundMonths: number[];
        };
        RoundSettingsInput: {
            acceptanceLevels?: components["schemas"]["AcceptanceLevel"][];
            criteria?: string[];
            publicityDays?: number;
            reboundMonths?: number[];
        };
        RuleObjectionBody: {
            reason: string;
            reply?: string;
            /** @enum {unknown} */
            ruling: "upheld" | "rejected";
        };
        ScheduleProposal: {
            milestones: components["schemas"]["MilestoneInput"][];
        };
        /** @enum {unknown} */
        ScheduleTemplate: "standard" | "engineering" | "management";
        /** @enum {unknown} */
        Scope: "units:read" | "users:read" | "audit:read" | "problems:read" | "problems:write" | "progress:write" | "petitions:read" | "petitions:write" | "petitions:pii" | "public_reports:read" | "public_reports:write" | "reports:intake" | "webhooks:manage" | "changes:read";
        /** @enum {unknown} */
        SubjectKind: "unit" | "person";
        SubmitPublicReportBody: {
            challenge: components["schemas"]["ChallengeAnswer"];
            contact?: string;
            content: string;
            name?: string;
            objection?: boolean;
            photos?: {
                /** Format: uuid */
                id: string;
                token: string;
            }[];
            /** Format: uuid */
            problemId?: string;
            reporterType: components["schemas"]["ReporterType"];
        };
        SuggestionDecisionBody: {
            decision: "confirm" | "dismiss";
            note?: string;
        };
        SuggestionDecisionResult: {
            card: components["schemas"]["Card"] | null;
            suggestedText: string | null;
            suggestion: components["schemas"]["CardSuggestion"];
        };
        Sweep: {
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["ActorRef"] | null;
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            instructions: string;
            light: components["schemas"]["Light"];
            problem: components["schemas"]["ProblemRef"];
            rollup: components["schemas"]["SweepRollup"];
            status: components["schemas"]["SweepStatus"];
            title: string;
            units: components["schemas"]["SweepUnit"][];
            version: number;
        };
        SweepFindingInput: {
            /** Format: date */
            deadline: string;
            description: string;
            domain?: components["schemas"]["ProblemDomain"];
            mode?: components["schemas"]["ProblemMode"];
            /** Format: uuid */
            regionId?: string;
            title: string;
        };
        /** @description The data of a sweep.launched event */
        SweepLaunchedData: {
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            problemId: string;
            /** Format: uuid */
            sweepId: string;
            title: string;
            /** Format: uuid */
            unitId: string;
        };
        SweepPage: {
            items: components["schemas"]["Sweep"][];
            nextCursor: string | null;
            total: number;
        };
        SweepReportBody: {
            findings: components["schemas"]["SweepFindingInput"][];
            /** Format: uuid */
            unitId: string;
        } | {
            /** @enum {boolean} */
            none: true;
            signedBy: string;
            statement: string;
            /** Format: uuid */
            unitId: string;
        };
        /** @description The data of a sweep.reported event */
        SweepReportedData: {
            childIds: string[];
            /** Format: uuid */
            problemId: string;
            status: string;
            /** Format: uuid */
            sweepId: string;
            /** Format: uuid */
            unitId: string;
        };
        SweepRollup: {
            childrenClosed: number;
            findings: number;
            noneFound: number;
            pending: number;
            reported: number;
            units: number;
        };
        /** @enum {unknown} */
        SweepStatus: "open" | "closed";
        SweepUnit: {
            findings: components["schemas"]["ProblemRef"][];
            reportedAt: string | null;
            reportedBy: components["schemas"]["ActorRef"] | null;
            signedBy: string | null;
            statement: string | null;
            status: components["schemas"]["SweepUnitStatus"];
            unit: components["schemas"]["UnitRef"];
        };
        /** @enum {unknown} */
        SweepUnitStatus: "pending" | "found" | "none";
        Timeline: {
            items: components["schemas"]["TimelineEntry"][];
        };
        TimelineEntry: {
            action: string;
            actorDisplayName: string | null;
            actorName: string | null;
            actorUnitName: string | null;
            /** Format: date-time */
            at: string;
            entityId: string | null;
            entityType: string;
            reason: string | null;
        };
        TokenPair: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TransitionBody: {
            action: components["schemas"]["ProblemAction"];
            reason?: string;
        };
        TriagePublicReportBody: {
            /** @enum {string} */
            action: "reply";
            reply: string;
        } | {
            /** @enum {string} */
            action: "link";
            /** Format: uuid */
            problemId: string;
            reply?: string;
        } | {
            /** @enum {string} */
            action: "open_problem";
            problem: {
                code: string;
                coUnitIds?: string[];
                /** Format: date */
                deadline: string;
                description: string;
                domain: components["schemas"]["ProblemDomain"];
                leadLeader?: components["schemas"]["Leader"] | null;
                /** Format: uuid */
                leadUnitId: string;
                mode: components["schemas"]["ProblemMode"];
                nature: components["schemas"]["ProblemNature"];
                parentId?: string | null;
                public?: boolean;
                regionId?: string | null;
                responsiblePersons?: components["schemas"]["Person"][];
                /** Format: uuid */
                roundId: string;
                target?: string;
                title: string;
            };
            reply?: string;
        } | {
            /** @enum {string} */
            action: "mark_objection";
            /** Format: uuid */
            problemId: string;
        };
        Unit: {
            active: boolean;
            code: string;
            contactUserId?: string | null;
            /** Format: date-time */
            createdAt: string;
            headUserId?: string | null;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["UnitKind"];
            name: string;
            parentId: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @enum {unknown} */
        UnitKind: "city" | "department" | "county" | "township" | "other";
        UnitPage: {
            items: components["schemas"]["Unit"][];
            nextCursor: string | null;
            total: number;
        };
        UnitRef: {
            code: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        UnreadCount: {
            count: number;
        };
        UpdateAccountabilityBody: {
            decidingBody?: string;
            /** Format: date */
            decisionDate?: string;
            docNumber?: string;
            fileIds?: string[];
            form?: components["schemas"]["AccountabilityForm"];
            personName?: string | null;
            personPost?: string | null;
            problemIds?: string[];
            subjectKind?: components["schemas"]["SubjectKind"];
            summary?: string;
            /** Format: uuid */
            unitId?: string;
        };
        UpdateApiClientBody: {
            active?: boolean;
            name?: string;
            scopes?: components["schemas"]["Scope"][];
        };
        UpdateBulletinBody: {
            requirements: string;
        };
        UpdateInspectionBody: {
            kind?: components["schemas"]["InspectionKind"];
            /** Format: date */
            plannedDate?: string;
            sites?: components["schemas"]["InspectionSite"][];
            targetUnitIds?: string[];
            team?: string;
            title?: string;
        };
        UpdateInstitutionBody: {
            docNumber?: string;
            fileIds?: string[];
            /** Format: date */
            issuedOn?: string;
            /** Format: uuid */
            issuingUnitId?: string;
            kind?: components["schemas"]["InstitutionKind"];
            problemIds?: string[];
            public?: boolean;
            summary?: string;
            title?: string;
        };
        UpdateMeasureBody: {
            content?: string;
            /** Format: date */
            deadline?: string;
            doneDate?: string | null;
            milestones?: components["schemas"]["MilestoneInput"][];
            personName?: string;
            /** Format: date */
            startDate?: string;
            status?: components["schemas"]["MeasureStatus"];
            /** Format: uuid */
            unitId?: string;
            weight?: number;
        };
        UpdatePetitionBatchBody: {
            declaredCount?: number | null;
            /** Format: date */
            handedOn?: string;
            handlingDays?: number;
            note?: string;
            source?: components["schemas"]["PetitionBatchSource"];
        };
        UpdatePetitionBody: {
            address?: string;
            complainantContact?: string;
            complainantName?: string;
            complaint?: string;
            domains?: components["schemas"]["ProblemDomain"][];
            keyCase?: boolean;
            receiptNo?: string;
            regionIds?: string[];
            regionText?: string;
            reportedParty?: string;
        };
        UpdateProblemBody: {
            code?: string;
            coUnitIds?: string[];
            /** Format: date */
            deadline?: string;
            description?: string;
            domain?: components["schemas"]["ProblemDomain"];
            leadLeader?: components["schemas"]["Leader"] | null;
            /** Format: uuid */
            leadUnitId?: string;
            mode?: components["schemas"]["ProblemMode"];
            nature?: components["schemas"]["ProblemNature"];
            parentId?: string | null;
            public?: boolean;
            regionId?: string | null;
            responsiblePersons?: components["schemas"]["Person"][];
            source?: components["schemas"]["ProblemSource"];
            target?: string;
            title?: string;
        };
        UpdateRoundBody: {
            feedbackDate?: string | null;
            kind?: components["schemas"]["RoundKind"];
            name?: string;
            planApprovedDate?: string | null;
            settings?: components["schemas"]["RoundSettingsInput"];
            stationedFrom?: string | null;
            stationedTo?: string | null;
        };
        UpdateUnitBody: {
            active?: boolean;
            contactUserId?: string | null;
            headUserId?: string | null;
            kind?: components["schemas"]["UnitKind"];
            name?: string;
            parentId?: string | null;
        };
        UpdateUserBody: {
            displayName?: string;
            roles?: components["schemas"]["Role"][];
            status?: components["schemas"]["UserStatus"];
            /** Format: uuid */
            unitId?: string;
        };
        UpdateWebhookBody: {
            active?: boolean;
            eventTypes?: ("problem.status_changed" | "problem.light_changed" | "report.submitted" | "report.reviewed" | "notice.issued" | "notice.replied" | "notice.closed" | "notice.escalated" | "inspection.finding_recorded" | "card.issued" | "accountability.recorded" | "dispatch.closed" | "reminder.due" | "petition.assigned" | "petition.reported" | "petition.closed" | "sweep.launched" | "sweep.reported" | "institution.recorded" | "public_report.answered" | "public_report.linked")[];
            name?: string;
            secret?: string;
            url?: string;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            /** Format: uuid */
            id: string;
            lastLoginAt: string | null;
            lockedUntil: string | null;
            roles: components["schemas"]["Role"][];
            status: components["schemas"]["UserStatus"];
            unit: components["schemas"]["UnitRef"];
            /** Format: date-time */
            updatedAt: string;
            username: string;
            version: number;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            nextCursor: string | null;
            total: number;
        };
        /** @enum {unknown} */
        UserStatus: "active" | "disabled";
        WebhookAttempt: {
            /** Format: date-time */
            at: string;
            attempt: number;
            error: string | null;
            latencyMs: number;
            statusCode: number | null;
            succeeded: boolean;
        };
        WebhookDelivery: {
            attemptLog: components["schemas"]["WebhookAttempt"][];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            lastLatencyMs: number | null;
            lastStatusCode: number | null;
            /** Format: date-time */
            nextAttemptAt: string;
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed" | "dead";
            /** Format: uuid */
            subscriptionId: string;
        };
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
            total: number;
        };
        /** @description Every delivery (format json): the event id (deduplicate on it), its type, when it happened and what changed. */
        WebhookEvent: {
            /** Format: date-time */
            at: string;
            /** @description The event type's own data (<Type>Data) */
            data: Record<string, never>;
            /** @description Event id, the same on every retry */
            id: string;
            /** @enum {string} */
            type: "problem.status_changed" | "problem.light_changed" | "report.submitted" | "report.reviewed" | "notice.issued" | "notice.replied" | "notice.closed" | "notice.escalated" | "inspection.finding_recorded" | "card.issued" | "accountability.recorded" | "dispatch.closed" | "reminder.due" | "petition.assigned" | "petition.reported" | "petition.closed" | "sweep.launched" | "sweep.reported" | "institution.recorded" | "public_report.answered" | "public_report.linked" | "webhook.test";
        };
        WebhookPage: {
            items: components["schemas"]["WebhookSubscription"][];
            nextCursor: string | null;
            total: number;
        };
        WebhookSubscription: {
            active: boolean;
            clientId: string | null;
            consecutiveFailures: number;
            /** Format: date-time */
            createdAt: string;
            eventTypes: ("problem.status_changed" | "problem.light_changed" | "report.submitted" | "report.reviewed" | "notice.issued" | "notice.replied" | "notice.closed" | "notice.escalated" | "inspection.finding_recorded" | "card.issued" | "accountability.recorded" | "dispatch.closed" | "reminder.due" | "petition.assigned" | "petition.reported" | "petition.closed" | "sweep.launched" | "sweep.reported" | "institution.recorded" | "public_report.answered" | "public_report.linked")[];
            /** @enum {unknown} */
            format: "json" | "wecom" | "dingtalk" | "sms";
            hasSecret: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            pausedAt: string | null;
            url: string;
            version: number;
        };
        WebhookTestData: {
            message: string;
            subscription: string;
        };
        WebhookTestResult: {
            /** Format: uuid */
            deliveryId: string;
        };
        WebhookWithSecret: {
            secret: string | null;
            subscription: components["schemas"]["WebhookSubscription"];
        };
    };
    responses: {
        /** @description Malformed request or query parameter */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description State conflict: illegal transition or duplicate */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Authenticated, but this role or scope may not */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Not found, or not visible to the caller */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Body or file too large */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description If-Match names a stale version */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description If-Match is required here */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Rate limited; see Retry-After */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No, invalid or expired access token */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Schema-valid input that breaks a rule */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Wrong media type */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: {
        /** @description A retry with the same key and body returns the first response and creates nothing new. */
        IdempotencyKey: string;
        /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
        IfMatch: string;
        /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAcceptanceSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceSnapshot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAcceptances: {
        parameters: {
            query?: {
                awaitingMe?: boolean;
                cursor?: string;
                limit?: number;
                round?: string;
                status?: components["schemas"]["AcceptanceStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptancePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewAcceptance: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewAcceptanceBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acceptance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAccountabilityCases: {
        parameters: {
            query?: {
                cursor?: string;
                form?: components["schemas"]["AccountabilityForm"];
                from?: string;
                limit?: number;
                problem?: string;
                subjectKind?: components["schemas"]["SubjectKind"];
                to?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAccountabilityCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountabilityBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAccountabilityCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityRecord"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateAccountabilityCase: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountabilityBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAccountabilityCounts: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityCounts"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssessmentRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentRuleList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateAssessmentRule: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchAssessmentRuleBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                actorType?: components["schemas"]["ActorType"];
                cursor?: string;
                entityId?: string;
                entityType?: string;
                from?: string;
                limit?: number;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshBody"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refreshed"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCalendarDays: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarDayBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDay"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCardSuggestions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "confirmed" | "dismissed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardSuggestionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    decideCardSuggestion: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestionDecisionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionDecisionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    refreshCardSuggestions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoFieldsBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshSuggestionsResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCards: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                unit?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    issueCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCardBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listChanges: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listClients: {
        parameters: {
            query?: {
                active?: boolean;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiClientBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApiClientBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateClientSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardBreakdown: {
        parameters: {
            query: {
                by: "unit" | "region" | "domain";
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardBreakdown"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardLists: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardLists"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardOverview: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardOverview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardPetitions: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardPetitions"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardSupervision: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSupervision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboardTrend: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardTrend"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listDispatchPeriods: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                round?: string;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchPeriodPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    openDispatchPeriod: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDispatchPeriodBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchPeriod"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDispatchPeriod: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchPeriodDetail"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getBulletin: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateBulletin: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBulletinBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadBulletinDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .docx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeDispatchPeriod: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoFieldsBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchPeriod"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    importProgressReports: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressImportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressImportRefused"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadProgressImportErrors: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressImportBody"];
            };
        };
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    remindDispatchPeriod: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoFieldsBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemindResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportAccountability: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportMeasures: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportPetitions: {
        parameters: {
            query?: {
                batch?: string;
                round?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportProblems: {
        parameters: {
            query?: {
                bucket?: "completed" | "on_schedule" | "behind" | "overdue" | "closed_not_rectified";
                closedFrom?: string;
                closedTo?: string;
                deadlineFrom?: string;
                deadlineTo?: string;
                domain?: components["schemas"]["ProblemDomain"];
                leader?: string;
                light?: components["schemas"]["Light"];
                mode?: components["schemas"]["ProblemMode"];
                nature?: components["schemas"]["ProblemNature"];
                outcome?: components["schemas"]["Outcome"];
                overdue?: boolean;
                parent?: string;
                q?: string;
                rebound?: boolean;
                region?: string;
                round?: string;
                source?: components["schemas"]["ProblemSource"];
                status?: components["schemas"]["ProblemStatus"];
                unit?: string;
                /** @description Only records changed at or after this time (RFC 3339). */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportReports: {
        parameters: {
            query: {
                period: string;
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    decideExtension: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideExtensionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getExtensionEffect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionEffect"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    uploadFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes, with the sniffed content-type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInboxMessages: {
        parameters: {
            query?: {
                cursor?: string;
                kind?: string;
                limit?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markMessageRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMessage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markAllMessagesRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInspections: {
        parameters: {
            query?: {
                cursor?: string;
                from?: string;
                kind?: components["schemas"]["InspectionKind"];
                limit?: number;
                status?: components["schemas"]["InspectionStatus"];
                to?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInspectionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateInspection: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInspectionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelInspection: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoFieldsBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    completeInspection: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteInspectionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordInspectionFinding: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFindingBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionFinding"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInstitutions: {
        parameters: {
            query?: {
                cursor?: string;
                from?: string;
                kind?: components["schemas"]["InstitutionKind"];
                limit?: number;
                problem?: string;
                public?: boolean;
                q?: string;
                to?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createInstitution: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInstitutionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Institution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getInstitution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Institution"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateInstitution: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInstitutionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Institution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMyWork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyWork"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteMeasure: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMeasure: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeasureBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Measure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listNotices: {
        parameters: {
            query?: {
                cursor?: string;
                level?: components["schemas"]["NoticeLevel"];
                limit?: number;
                overdue?: boolean;
                problem?: string;
                status?: components["schemas"]["NoticeStatus"];
                unit?: string;
                /** @description Only records changed at or after this time (RFC 3339). */
                updatedSince?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    issueNotice: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueNoticeBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDetail"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeNotice: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseNoticeBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadNoticeDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .docx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    escalateNotice: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalateNoticeBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replyToNotice: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyNoticeBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClientToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientTokenBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientToken"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPetitionBatches: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                published?: boolean;
                round?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionBatchPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPetitionBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePetitionBatchBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPetitionBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionBatch"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePetitionBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePetitionBatchBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    importPetitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PetitionImportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionImportRefused"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadPetitionImportErrors: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PetitionImportBody"];
            };
        };
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    publishPetitionBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPetitions: {
        parameters: {
            query?: {
                batch?: string;
                cursor?: string;
                domain?: components["schemas"]["ProblemDomain"];
                finding?: components["schemas"]["PetitionFinding"];
                keyCase?: boolean;
                limit?: number;
                overdue?: boolean;
                problem?: string;
                q?: string;
                region?: string;
                status?: components["schemas"]["PetitionStatus"];
                unit?: string;
                /** @description Only records changed at or after this time (RFC 3339). */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPetition: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePetitionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPetition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePetition: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePetitionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordPetitionCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PetitionCallbackBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPetitionComplainant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionComplainant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    linkPetitionProblem: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PetitionProblemBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markPetitionRepeat: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PetitionRepeatBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPetitionRepeatCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepeatCandidateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reportPetition: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportPetitionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewPetition: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewPetitionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    assignPetitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignPetitionsBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignPetitionsResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadPetitionImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProblems: {
        parameters: {
            query?: {
                bucket?: "completed" | "on_schedule" | "behind" | "overdue" | "closed_not_rectified";
                closedFrom?: string;
                closedTo?: string;
                cursor?: string;
                deadlineFrom?: string;
                deadlineTo?: string;
                domain?: components["schemas"]["ProblemDomain"];
                leader?: string;
                light?: components["schemas"]["Light"];
                limit?: number;
                mode?: components["schemas"]["ProblemMode"];
                nature?: components["schemas"]["ProblemNature"];
                outcome?: components["schemas"]["Outcome"];
                overdue?: boolean;
                parent?: string;
                q?: string;
                rebound?: boolean;
                region?: string;
                round?: string;
                sort?: "deadline" | "-deadline" | "code" | "-code" | "updated" | "-updated" | "light" | "-light";
                source?: components["schemas"]["ProblemSource"];
                status?: components["schemas"]["ProblemStatus"];
                unit?: string;
                /** @description Only records changed at or after this time (RFC 3339). */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProblem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProblemBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProblem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProblem: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProblemBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProblemAcceptance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloseoutFile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    applyForAcceptance: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyAcceptanceBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acceptance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeOutProblem: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseProblemBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Closeout"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadProblemDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The zip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProblemExtensions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    requestProblemExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExtensionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProblemFindings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemFindingList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProblemMeasures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createMeasure: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeasureBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Measure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    startPublicity: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenPublicityBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publicity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProblemReports: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: components["schemas"]["ReportStatus"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitProgressReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    launchSweep: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSweepBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sweep"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProblemTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    transitionProblem: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadProblemImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProblemSummary: {
        parameters: {
            query?: {
                round?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicReports: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                problem?: string;
                q?: string;
                ruling?: "pending" | "upheld" | "rejected";
                status?: "new" | "replied" | "linked" | "converted" | "objection";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublicReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReport"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rulePublicObjection: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleObjectionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    triagePublicReport: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriagePublicReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitHotlineReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HotlineReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineReceipt"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublicChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Challenge"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    uploadPublicPhoto: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicUpload"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicInstitutions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicInstitutionList"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicNotices: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicNoticeList"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicPetitionBatches: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicPetitionBatchList"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublicPetitionBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicPetitionBatch"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicProblems: {
        parameters: {
            query?: {
                cursor?: string;
                domain?: components["schemas"]["ProblemDomain"];
                limit?: number;
                q?: string;
                region?: string;
                status?: components["schemas"]["ProblemStatus"];
            };
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProblemPage"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublicProblem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProblemDetail"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicRegions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRegionList"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitPublicReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitPublicReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReportReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    trackPublicReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReportStatus"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublicity: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                periodOver?: boolean;
                round?: string;
                status?: components["schemas"]["PublicityStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRankings: {
        parameters: {
            query?: {
                metric?: "completion" | "on_schedule" | "points";
                minCount?: number;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rankings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
        };
    };
    listReboundReviews: {
        parameters: {
            query?: {
                cursor?: string;
                dueBy?: string;
                limit?: number;
                round?: string;
                status?: components["schemas"]["ReboundStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReboundPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordReboundReview: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordReboundReviewBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReboundReview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReports: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                period?: string;
                problem?: string;
                status?: components["schemas"]["ReportStatus"];
                unit?: string;
                /** @description Only records changed at or after this time (RFC 3339). */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReport"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewReport: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadProgressImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRounds: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoundBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateRound: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoundBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    importProblems: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProblemImportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemImportRefused"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadProblemImportErrors: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProblemImportBody"];
            };
        };
        responses: {
            /** @description The .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSchedule: {
        parameters: {
            query: {
                deadline: string;
                startDate: string;
                template?: components["schemas"]["ScheduleTemplate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSweeps: {
        parameters: {
            query?: {
                awaitingMe?: boolean;
                child?: string;
                cursor?: string;
                limit?: number;
                problem?: string;
                status?: components["schemas"]["SweepStatus"];
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSweep: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sweep"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeSweep: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sweep"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reportSweep: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SweepReportBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sweep"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUnits: {
        parameters: {
            query?: {
                active?: boolean;
                cursor?: string;
                limit?: number;
                parent?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUnit: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUnit: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                q?: string;
                role?: components["schemas"]["Role"];
                status?: components["schemas"]["UserStatus"];
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordBody"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                active?: boolean;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            /** @description Not modified (If-None-Match named the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed" | "dead";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resumeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared. */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first response and creates nothing new. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    onAccountabilityRecorded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["AccountabilityRecordedData"];
                    /** @constant */
                    type?: "accountability.recorded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onCardIssued: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["CardIssuedData"];
                    /** @constant */
                    type?: "card.issued";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onDispatchClosed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["DispatchClosedData"];
                    /** @constant */
                    type?: "dispatch.closed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInspectionFindingRecorded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["InspectionFindingRecordedData"];
                    /** @constant */
                    type?: "inspection.finding_recorded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInstitutionRecorded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["InstitutionRecordedData"];
                    /** @constant */
                    type?: "institution.recorded";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onNoticeClosed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["NoticeClosedData"];
                    /** @constant */
                    type?: "notice.closed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onNoticeEscalated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["NoticeEscalatedData"];
                    /** @constant */
                    type?: "notice.escalated";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onNoticeIssued: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["NoticeIssuedData"];
                    /** @constant */
                    type?: "notice.issued";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onNoticeReplied: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["NoticeRepliedData"];
                    /** @constant */
                    type?: "notice.replied";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPetitionAssigned: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["PetitionAssignedData"];
                    /** @constant */
                    type?: "petition.assigned";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPetitionClosed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["PetitionClosedData"];
                    /** @constant */
                    type?: "petition.closed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPetitionReported: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["PetitionReportedData"];
                    /** @constant */
                    type?: "petition.reported";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProblemLightChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["ProblemLightChangedData"];
                    /** @constant */
                    type?: "problem.light_changed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProblemStatusChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["ProblemStatusChangedData"];
                    /** @constant */
                    type?: "problem.status_changed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPublicReportAnswered: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["PublicReportAnsweredData"];
                    /** @constant */
                    type?: "public_report.answered";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPublicReportLinked: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["PublicReportLinkedData"];
                    /** @constant */
                    type?: "public_report.linked";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReminderDue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["ReminderDueData"];
                    /** @constant */
                    type?: "reminder.due";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReportReviewed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["ReportReviewedData"];
                    /** @constant */
                    type?: "report.reviewed";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReportSubmitted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["ReportSubmittedData"];
                    /** @constant */
                    type?: "report.submitted";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSweepLaunched: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["SweepLaunchedData"];
                    /** @constant */
                    type?: "sweep.launched";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSweepReported: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["SweepReportedData"];
                    /** @constant */
                    type?: "sweep.reported";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    data?: components["schemas"]["WebhookTestData"];
                    /** @constant */
                    type?: "webhook.test";
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
