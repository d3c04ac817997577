/** The README's counter GenServer. */
package dev.arbor.sample.counter;
