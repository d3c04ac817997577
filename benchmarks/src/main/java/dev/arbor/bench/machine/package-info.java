/**
 * The machine as the shapes find it: how far apart its CPUs are at the moment a shape starts, which
 * on a shared virtual machine changes while a run goes on.
 */
package dev.arbor.bench.machine;
