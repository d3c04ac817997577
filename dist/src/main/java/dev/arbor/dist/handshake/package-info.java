/**
 * The distribution handshake of OTP 23 and later (protocol version 6, {@code N} name messages),
 * both as the connecting and as the accepting side: names, capability flags, creations and the
 * MD5 challenge with the shared cookie. OTP's own is {@code lib/kernel/src/dist_util.erl}.
 */
package dev.arbor.dist.handshake;
