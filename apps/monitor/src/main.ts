import '@uswds/uswds/css/uswds.min.css';
import './styles.css';
import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { createApiClient } from './graphql/client';
import { createAppRouter } from './router';

createApp(App).use(urql, createApiClient()).use(createAppRouter()).mount('#app');
