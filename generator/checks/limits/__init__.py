"""What each output format can hold: rules that find content an output could not write."""
