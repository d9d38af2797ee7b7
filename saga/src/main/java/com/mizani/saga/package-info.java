/**
 * Sagas: the flows that wait on the outside world (provider payouts and mobile-money deposits) and the provider
 * gateway port they talk through. Transfers are not here: both of their legs touch only our own wallets, so they run
 * in one unit of work (see command-side's Transfer).
 */
package com.mizani.saga;
