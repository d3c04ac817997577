/**
 * Builds users' projects, as the README and the archetype tell users to, with the Maven on the
 * machine, against the artifacts this build just made: a README edit or an archetype change that
 * breaks a user's build fails CI.
 */
package dev.arbor.userbuild;
