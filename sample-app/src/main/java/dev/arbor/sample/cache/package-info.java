/** A cache whose entries expire: a GenServer that drives its own cleanup with {@code Proc.sendInterval}. */
package dev.arbor.sample.cache;
