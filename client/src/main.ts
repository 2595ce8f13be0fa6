import '@gouvfr/dsfr/dist/dsfr.main.min.css';
// Only the icon families the product uses (the full set is 350 KB of CSS).
import '@gouvfr/dsfr/dist/utility/icons/icons-arrows/icons-arrows.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-business/icons-business.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-device/icons-device.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-map/icons-map.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-system/icons-system.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-user/icons-user.main.min.css';
import './styles.css';
import { createApp } from 'vue';
import App from './App.vue';
import { apolloClientKey, createApolloClient } from './graphql/apollo';
import { createAppRouter } from './router';

createApp(App).provide(apolloClientKey, createApolloClient()).use(createAppRouter()).mount('#app');
