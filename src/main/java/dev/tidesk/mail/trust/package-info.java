/**
 * What mail Tidesk believes and what it holds back: signed reply addresses and references, the secret
 * box for stored secrets, sender proof, loop rules and the guard on automatic replies. Internal to the
 * mail module.
 */
package dev.tidesk.mail.trust;
