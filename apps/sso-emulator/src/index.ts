export { type EmulatorConfig, realmUrl } from './config/emulator-config.js';
export { parseEmulatorEnv } from './config/env.schema.js';
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator.js';
export { KeyStore, KeyStoreError } from './keys/key-store.js';
export { Registry } from './registry/registry.js';
export { parseRegistry, RegistryError } from './registry/registry.schema.js';
