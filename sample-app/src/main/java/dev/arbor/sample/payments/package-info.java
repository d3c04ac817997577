/** A payment gateway whose bank can stall, to show a call timing out. */
package dev.arbor.sample.payments;
