import { API_CSP, type CspDirectives } from '@cern-sso/http-hardening';

/**
 * The Content-Security-Policy of every answer, Swagger UI's included: its page loads its scripts,
 * styles, images and the API itself from this origin only, and no other page may frame it (a
 * framed "Try it out" button is a clickjacking target). Swagger UI's page carries inline
 * `<style>` blocks and style attributes, hence `'unsafe-inline'` for styles only; scripts stay
 * `'self'`. JSON answers are not rendered, so one policy serves both.
 */
export const DOCS_CSP: CspDirectives = {
  ...API_CSP,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};
