/**
 * The command line: picocli commands over the pipeline stages. The only package importing picocli.
 */
package dev.apionly.cli;
