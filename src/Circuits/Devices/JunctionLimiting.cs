namespace Hwsim.Circuits.Devices;

/// <summary>Newton step limiting of junction and FET voltages, as ngspice's devsup.c (DEVpnjlim, DEVfetlim, DEVlimvds).</summary>
public static class JunctionLimiting
{
    /// <summary>
    /// Limits a pn-junction voltage step so the exponential does not overflow. Returns the limited voltage and sets
    /// <paramref name="limited"/> when it changed it. Follows ngspice exactly (including its logarithmic step above
    /// vcrit and Gillespie's limit for negative voltages) so that both take the same Newton path.
    /// </summary>
    public static double Pnj(double vnew, double vold, double vt, double vcrit, out bool limited)
    {
        if (vnew > vcrit && Math.Abs(vnew - vold) > vt + vt)
        {
            if (vold > 0)
            {
                var arg = (vnew - vold) / vt;
                vnew = arg > 0 ? vold + vt * (2 + Math.Log(arg - 2)) : vold - vt * (2 + Math.Log(2 - arg));
            }
            else
            {
                vnew = vt * Math.Log(vnew / vt);
            }
            limited = true;
            return vnew;
        }
        if (vnew < 0)
        {
            var arg = vold > 0 ? -1 * vold - 1 : 2 * vold - 1;
            if (vnew < arg)
            {
                limited = true;
                return arg;
            }
        }
        limited = false;
        return vnew;
    }

    /// <summary>Limits the per-iteration change of a FET gate voltage around the threshold (DEVfetlim).</summary>
    public static double Fet(double vnew, double vold, double vto)
    {
        var vtsthi = Math.Abs(2 * (vold - vto)) + 2;
        var vtstlo = Math.Abs(vold - vto) + 1;
        var vtox = vto + 3.5;
        var delv = vnew - vold;
        if (vold >= vto)
        {
            if (vold >= vtox)
            {
                if (delv <= 0)
                {
                    // going off
                    if (vnew >= vtox)
                    {
                        if (-delv > vtstlo) vnew = vold - vtstlo;
                    }
                    else
                    {
                        vnew = Math.Max(vnew, vto + 2);
                    }
                }
                else if (delv >= vtsthi)
                {
                    // staying on
                    vnew = vold + vtsthi;
                }
            }
            else
            {
                // middle region
                if (delv <= 0) vnew = Math.Max(vnew, vto - .5);
                else vnew = Math.Min(vnew, vto + 4);
            }
        }
        else
        {
            // off
            if (delv <= 0)
            {
                if (-delv > vtsthi) vnew = vold - vtsthi;
            }
            else
            {
                var vtemp = vto + .5;
                if (vnew <= vtemp)
                {
                    if (delv > vtstlo) vnew = vold + vtstlo;
                }
                else
                {
                    vnew = vtemp;
                }
            }
        }
        return vnew;
    }

    /// <summary>Limits the per-iteration change of a drain-source voltage (DEVlimvds).</summary>
    public static double Vds(double vnew, double vold)
    {
        if (vold >= 3.5)
        {
            if (vnew > vold) vnew = Math.Min(vnew, 3 * vold + 2);
            else if (vnew < 3.5) vnew = Math.Max(vnew, 2);
        }
        else
        {
            vnew = vnew > vold ? Math.Min(vnew, 4) : Math.Max(vnew, -.5);
        }
        return vnew;
    }
}
