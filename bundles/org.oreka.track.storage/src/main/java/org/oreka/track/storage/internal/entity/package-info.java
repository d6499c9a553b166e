/**
 * The JPA entities of OrkTrack's tables, private to the storage bundle. They are plain row holders with
 * public fields, mapped by field access and never proxied (relations are kept as id columns), and are turned
 * into the API's records before they leave the bundle.
 */
package org.oreka.track.storage.internal.entity;
