/** Arbor's reports as a Logback user receives them, through the JDK's platform-logging bridge to SLF4J. */
package dev.arbor.sample.logging;
