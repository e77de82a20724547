import '@uswds/uswds/css/uswds.min.css';
import { createApiClient } from '@aim/ui';
import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';
import { createSession, sessionKey } from './session/session';

// No document cache: account data must not outlive a sign-out, and every account page wants the current state anyway.
const client = createApiClient({ documentCache: false });
const session = createSession(client);

createApp(App).use(urql, client).provide(sessionKey, session).use(createAppRouter(session)).mount('#app');
