import '@uswds/uswds/css/uswds.min.css';
import './styles.css';
import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { createApiClient } from './graphql/client';
import { createAppRouter } from './router';
import { createSession, sessionKey } from './session/session';

const client = createApiClient();
const session = createSession(client);

createApp(App).use(urql, client).provide(sessionKey, session).use(createAppRouter(session)).mount('#app');
