/**
 * The write stage: plans changes against the state file of generated files, refuses to touch
 * anything the user owns, and writes all or nothing.
 */
package dev.apionly.write;
