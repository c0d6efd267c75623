import ElectronStore from 'electron-store';
import type { StoreFile } from '../store/store-file.js';
import { storeFileOptions } from '../store/store-file.js';

/** electron-store (conf underneath) in the app's user-data folder, with the store's own options. */
export function openElectronStoreFile(dir: string): StoreFile {
  return new ElectronStore(storeFileOptions(dir));
}
