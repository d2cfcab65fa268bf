from kurilwatch.cli import main

main()
