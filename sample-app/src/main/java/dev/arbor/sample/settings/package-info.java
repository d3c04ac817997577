/** The desk's settings, held by an Agent. */
package dev.arbor.sample.settings;
