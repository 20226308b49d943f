# The statistics module (pure Python over math.erf, fsum, fractions and decimal).
import statistics
from fractions import Fraction
from decimal import Decimal

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.mean(data), statistics.fmean(data), statistics.median(data))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median([1, 3, 5, 7]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]))
print(statistics.multimode('aabbbbccddddeeffffgg'))
print(statistics.stdev(data), statistics.pstdev(data))
print(statistics.variance(data), statistics.pvariance(data))
print(statistics.mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3), Fraction(1, 3)]))
print(statistics.mean([Decimal('0.5'), Decimal('0.75'), Decimal('0.625'), Decimal('0.375')]))
print(statistics.variance([Fraction(1, 6), Fraction(1, 2), Fraction(5, 3)]))
print(statistics.harmonic_mean([40, 60]), statistics.geometric_mean([54, 24, 36]))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.correlation(x, x), statistics.covariance(x, y), statistics.linear_regression(x, [2 * v + 1 for v in x]))

nd = statistics.NormalDist()
print(nd, nd.cdf(1), nd.cdf(-1.96), nd.pdf(0), nd.inv_cdf(0.975), nd.inv_cdf(0.5))
iq = statistics.NormalDist(100, 15)
print(iq.cdf(130) - iq.cdf(70), iq.quantiles(), iq.overlap(statistics.NormalDist(110, 12)))
print(iq + 5, iq * 2, iq.zscore(130), iq.mean, iq.stdev, iq.variance)
print(statistics.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(iq == statistics.NormalDist(100, 15), iq.samples(3, seed=42) == iq.samples(3, seed=42))

for bad in (lambda: statistics.mean([]), lambda: statistics.stdev([1]), lambda: statistics.mode([]),
            lambda: statistics.NormalDist(0, -1), lambda: nd.inv_cdf(1.0), lambda: statistics.harmonic_mean([-1])):
    try:
        bad()
    except statistics.StatisticsError as e:
        print('StatisticsError', e)
