export { EnvironmentError, readEnv, type EnvSchema, type Variable } from './read-env.js';
export {
  integer,
  optionalInteger,
  optionalPostgresUrl,
  optionalSecret,
  optionalText,
  optionalUrl,
  secret,
  text,
  url,
} from './variables.js';
