/**
 * What the live observer ({@code arbor-observer}) costs: the processes page's first data with
 * 100,000 processes alive, and the call round trip with an observer open and idle beside none.
 */
package dev.arbor.bench.observer;
