print("kennisbank: under construction")
