import '@uswds/uswds/css/uswds.min.css';
import { createApiClient } from '@aim/ui';
import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';

// Published figures change once a week, so the document cache may keep them for the visit.
createApp(App).use(urql, createApiClient({ documentCache: true })).use(createAppRouter()).mount('#app');
