namespace Hwsim.Circuits;
