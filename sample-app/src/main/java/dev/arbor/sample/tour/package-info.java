/** The README's examples, compiled and run with the sample app. */
package dev.arbor.sample.tour;
