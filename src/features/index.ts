import type { Services } from '../core/services.ts';
import { FeatureStore } from './store.ts';

const stores = new WeakMap<Services, FeatureStore>();

/** The feature store of these services (one per process, so its index updates queue in one place). */
export function featureStore(services: Services): FeatureStore {
  let store = stores.get(services);
  if (!store) {
    store = new FeatureStore(services.stores.features);
    stores.set(services, store);
  }
  return store;
}
