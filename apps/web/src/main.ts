import 'element-plus/dist/index.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, initLocale } from './i18n'
import { createAppRouter } from './router'
import './styles/main.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(createAppRouter())
// A remembered English choice loads its messages before the first paint.
void initLocale().then(() => app.mount('#app'))
