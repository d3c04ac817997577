/**
 * Checks a {@link dev.arbor.processor.model.ServerModel} against the rules in the API contract.
 * Each validator covers one family of rules and adds every problem it finds to a {@link
 * dev.arbor.processor.validate.ValidationReport}, pointing at the element (and, where it helps, the
 * annotation) at fault; {@link dev.arbor.processor.validate.Diagnostics} holds every message text,
 * each starting with a stable tag such as {@code [ArborCastReturn]} that tests and users can grep
 * for.
 */
package dev.arbor.processor.validate;
