/**
 * The render stage: the model through Velocity templates, one per output kind, every inserted value
 * escaped for the file it lands in. The only package that imports Velocity.
 */
package dev.apionly.render;
