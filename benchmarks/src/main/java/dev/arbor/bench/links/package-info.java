/** The {@code links} shape: how fast an exit signal cascades down a chain of linked processes. */
package dev.arbor.bench.links;
