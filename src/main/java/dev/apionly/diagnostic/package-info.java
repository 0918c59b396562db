/** Problems in user input with their file, line and column, shared by every stage. */
package dev.apionly.diagnostic;
