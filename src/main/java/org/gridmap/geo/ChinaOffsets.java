package org.gridmap.geo;

/**
 * The coordinate offsets of Chinese web maps. GCJ-02 ("Mars coordinates") is the obfuscated datum
 * of the Chinese national standard, used by AMap/Gaode, Tencent and Google's China tiles; BD-09 is
 * Baidu's further offset of GCJ-02. Neither is an EPSG code. The forward formulas are the published
 * ones; the inverses are computed by fixed-point iteration on the forward formula until the error
 * is below 1e-9 degrees (about 0.1 mm), far better than the 0.5 m required.
 *
 * <p>Outside mainland China's rough bounding box the offsets do not apply and points pass through
 * unchanged, as in every common implementation. All methods take and return lon, lat in degrees.
 */
public final class ChinaOffsets {
  private static final double A = 6378245.0; // Krasovsky 1940 semi-major axis used by GCJ-02
  private static final double EE = 0.00669342162296594323; // its first eccentricity squared
  private static final double X_PI = Math.PI * 3000.0 / 180.0;
  private static final double TOLERANCE_DEG = 1e-9;

  private ChinaOffsets() {}

  /** True where GCJ-02 applies (mainland China's bounding box as used by the reference code). */
  public static boolean inChina(double lon, double lat) {
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
  }

  /** WGS84 → GCJ-02. */
  public static double[] wgs84ToGcj02(double lon, double lat) {
    if (!inChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {lon + dLon, lat + dLat};
  }

  /** GCJ-02 → WGS84, exact to 1e-9 degrees by iterating the forward transform. */
  public static double[] gcj02ToWgs84(double lon, double lat) {
    if (!inChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double wLon = lon;
    double wLat = lat;
    for (int i = 0; i < 50; i++) {
      double[] g = wgs84ToGcj02(wLon, wLat);
      double eLon = g[0] - lon;
      double eLat = g[1] - lat;
      wLon -= eLon;
      wLat -= eLat;
      if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) {
        break;
      }
    }
    return new double[] {wLon, wLat};
  }

  /** GCJ-02 → BD-09 (Baidu). */
  public static double[] gcj02ToBd09(double lon, double lat) {
    double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
    double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
    return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
  }

  /** BD-09 → GCJ-02: the published approximation, refined by iterating the forward formula. */
  public static double[] bd09ToGcj02(double lon, double lat) {
    double x = lon - 0.0065;
    double y = lat - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    double gLon = z * Math.cos(theta);
    double gLat = z * Math.sin(theta);
    for (int i = 0; i < 50; i++) {
      double[] b = gcj02ToBd09(gLon, gLat);
      double eLon = b[0] - lon;
      double eLat = b[1] - lat;
      gLon -= eLon;
      gLat -= eLat;
      if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) {
        break;
      }
    }
    return new double[] {gLon, gLat};
  }

  public static double[] wgs84ToBd09(double lon, double lat) {
    double[] g = wgs84ToGcj02(lon, lat);
    return gcj02ToBd09(g[0], g[1]);
  }

  public static double[] bd09ToWgs84(double lon, double lat) {
    double[] g = bd09ToGcj02(lon, lat);
    return gcj02ToWgs84(g[0], g[1]);
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
