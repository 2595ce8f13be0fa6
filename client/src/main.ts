import { createApp } from 'vue';
import App from './App.vue';
import { createApolloClient } from './apollo';

createApp(App, { client: createApolloClient() }).mount('#app');
