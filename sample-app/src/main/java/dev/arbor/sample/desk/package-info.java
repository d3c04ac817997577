/** The order desk's supervision tree: every part of the sample app under one top-level supervisor. */
package dev.arbor.sample.desk;
