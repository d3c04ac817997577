/** A batch job that prices orders in parallel tasks, a bounded number at a time. */
package dev.arbor.sample.batch;
