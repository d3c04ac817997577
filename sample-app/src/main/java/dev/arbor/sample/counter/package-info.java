/**
 * The README's counter GenServer, exactly as a user writes one: the README shows {@code Counter}
 * from its imports on, and {@code Tick}.
 */
package dev.arbor.sample.counter;
