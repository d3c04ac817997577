/** A connection pool that monitors its borrowers and takes back what a dead borrower held. */
package dev.arbor.sample.pool;
