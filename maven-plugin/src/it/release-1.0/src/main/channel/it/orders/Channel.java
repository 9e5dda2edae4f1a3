package it.orders;

public enum Channel { WEB, SHOP }
