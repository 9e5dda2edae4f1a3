package it.orders;

/** 1.1: the shops closed. */
public enum Channel { WEB }
