/**
 * The load stage: spec files and {@code apionly.yaml} read from YAML into records that keep the
 * file, line and column of every value.
 */
package dev.apionly.spec;
