/** Internals of a node: the pid table, control messages, connecting and the virtual net_kernel. */
package dev.arbor.dist.node;
