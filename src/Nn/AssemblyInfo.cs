namespace Hwsim.Nn;
