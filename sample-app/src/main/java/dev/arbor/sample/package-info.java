/** The sample app's entry point and scripted scenario. */
package dev.arbor.sample;
