"""Economic engines: what a change in tariffs or trade costs does to trade, prices and income.

Subpackages
-----------
gravity
    Structural gravity: PPML estimation and the one-sector general equilibrium (conditional and
    full endowment GE, exact hat algebra).
multisector
    Caliendo and Parro (2015): many sectors, input-output links, tariff revenue.
"""
