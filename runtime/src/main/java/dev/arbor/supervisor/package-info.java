/** Supervision: child specifications, supervisors, dynamic and partition supervisors. */
package dev.arbor.supervisor;
