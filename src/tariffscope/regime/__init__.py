"""Tariff law: the HTS schedule, the measure catalog and the resolution of duties."""
