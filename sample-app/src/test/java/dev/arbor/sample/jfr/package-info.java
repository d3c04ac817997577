/** The sample app recorded with the JFR settings the runtime jar ships, as the README tells users to. */
package dev.arbor.sample.jfr;
