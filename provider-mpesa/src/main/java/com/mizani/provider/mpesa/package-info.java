/**
 * The Daraja (M-Pesa) adapter, both directions. {@code outbound}: the OAuth client and the gateway behind the
 * sagas' {@code ProviderGateway} port (B2C payouts, status queries, STK push and query, C2B URL registration).
 * {@code callback}: the endpoints the provider calls back, each admitted by source address and HMAC before its
 * body is parsed and handed to the payment it names. The message shapes are in docs/provider.md.
 */
package com.mizani.provider.mpesa;
